package org.iys.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.security.StaffAuthenticationMechanism;

/**
 * The staff member using the screens, as the form login established them. Backing beans call {@link
 * #require} before every action; pages call {@link #has} only to hide what would be refused. Roles
 * are {@code operator}, {@code supervisor} and {@code admin}; none implies another.
 */
@RequestScoped
public class StaffMember {

  public static final String OPERATOR = "operator";

  public static final String SUPERVISOR = "supervisor";

  public static final String ADMIN = "admin";

  @Inject private HttpServletRequest request;

  public String username() {
    if (request.getUserPrincipal() == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS116));
    }
    return request.getUserPrincipal().getName();
  }

  public boolean has(String... roles) {
    Set<String> held = roles();
    return Arrays.stream(roles).anyMatch(held::contains);
  }

  /** Refuses with IYS117 unless the staff member holds at least one of {@code roles}. */
  public void require(String... roles) {
    username();
    if (!has(roles)) {
      throw new DomainException(Violation.of(ErrorCode.IYS117));
    }
  }

  /** Operators see addresses masked until they open one; the other roles see them whole. */
  public boolean seesAddressesMasked() {
    return !has(SUPERVISOR, ADMIN);
  }

  @SuppressWarnings("unchecked")
  private Set<String> roles() {
    Object roles = request.getAttribute(StaffAuthenticationMechanism.ROLES);
    return roles == null ? Set.of() : (Set<String>) roles;
  }
}
