package org.iys.web.rest.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.iys.application.citizen.CitizenSessions;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The citizen behind the current request: the bearer token from a confirmed verification, and the
 * addresses it covers. Citizen endpoints call {@link #requireAddresses} first.
 */
@RequestScoped
public class CitizenCaller {

  @Inject private HttpServletRequest request;

  @EJB private CitizenSessions sessions;

  /** The bearer token sent, whether or not it is valid; null when none. */
  public String presentedToken() {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /**
   * @throws DomainException 401 IYS309 without a live session
   */
  public List<String> requireAddresses() {
    return sessions
        .addresses(presentedToken())
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS309)));
  }

  /** The client's network address as this server saw it (no forwarding headers are trusted). */
  public String client() {
    return request.getRemoteAddr();
  }
}
