package org.iys.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.problem.ErrorEnvelope;

/**
 * How staff prove who they are. The staff REST API ({@code /api/staff/*}) takes HTTP Basic on every
 * request, checked against the staff accounts in the database; everything else passes through
 * untouched (businesses use OAuth2 bearer tokens, checked by their own filter). The staff screens
 * will add a form login here, keyed on their own paths, with the same identity store.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute holding the authenticated staff member's roles. */
  public static final String ROLES = "org.iys.staff.roles";

  private static final String STAFF_API = "/api/staff/";

  @Inject private IdentityStoreHandler identities;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(STAFF_API)) {
      return context.doNothing();
    }
    UsernamePasswordCredential credential = basic(request.getHeader("Authorization"));
    if (credential == null) {
      return refuse(response);
    }
    CredentialValidationResult result = identities.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return refuse(response);
    }
    request.setAttribute(ROLES, result.getCallerGroups());
    return context.notifyContainerAboutLogin(result);
  }

  private static UsernamePasswordCredential basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  // Written here rather than through sendError, so the client gets the İYS envelope and never the
  // server's HTML error page.
  private static AuthenticationStatus refuse(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"iys staff\", charset=\"UTF-8\"");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      var body = ErrorEnvelope.of(List.of(Violation.of(ErrorCode.IYS116)));
      Json.createWriter(response.getWriter()).write(body);
    } catch (IOException e) {
      // The status line is what matters; a client that went away needs no body.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
