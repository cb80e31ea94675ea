package org.iys.web.rest.security;

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
 * The staff member behind the current request. Staff endpoints call {@link #requireRole} first;
 * roles are {@code operator}, {@code supervisor} and {@code admin}, and no role implies another.
 */
@RequestScoped
public class StaffCaller {

  @Inject private HttpServletRequest request;

  /** Refuses with 403 unless the caller holds at least one of {@code roles}. */
  public void requireRole(String... roles) {
    Set<String> held = roles();
    if (Arrays.stream(roles).noneMatch(held::contains)) {
      throw new DomainException(Violation.of(ErrorCode.IYS117));
    }
  }

  public String username() {
    roles();
    return request.getUserPrincipal().getName();
  }

  @SuppressWarnings("unchecked")
  private Set<String> roles() {
    Object roles = request.getAttribute(StaffAuthenticationMechanism.ROLES);
    if (roles == null || request.getUserPrincipal() == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS116));
    }
    return (Set<String>) roles;
  }
}
