package org.iys.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.problem.DomainExceptionMapper;
import org.iys.web.rest.problem.ErrorEnvelope;

/**
 * Lets a request into the business API ({@code /api/sps/*}, {@code /api/v2/sps/*}) only with a
 * valid bearer token, then charges it against the API user's per-second allowance. Which iysCode
 * and brand the token may reach is decided later by {@link BusinessCaller}, with the path's codes.
 */
// Pre-matching, so that a caller without a token learns nothing, not even which paths exist.
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  @Inject private AccessTokens tokens;

  @Inject private BusinessCaller caller;

  @Inject private RateLimits rateLimits;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (!path.startsWith("sps/") && !path.startsWith("v2/sps/")) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      request.abortWith(unauthorized());
      return;
    }
    String token = header.substring(7).strip();
    var holder = token.isEmpty() || token.length() > 512 ? null : tokens.holder(token).orElse(null);
    if (holder == null) {
      request.abortWith(unauthorized());
      return;
    }
    caller.authenticated(holder);
    try {
      rateLimits.request(caller.clientKey());
    } catch (DomainException limited) {
      request.abortWith(DomainExceptionMapper.answer(limited));
    }
  }

  private static Response unauthorized() {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorEnvelope.of(List.of(Violation.of(ErrorCode.H351))))
        .build();
  }
}
