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
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.problem.ErrorEnvelope;

/**
 * How staff prove who they are, with one identity store (the staff accounts in the database) for
 * two doors:
 *
 * <ul>
 *   <li>the staff REST API ({@code /api/staff/*}) takes HTTP Basic on every request;
 *   <li>the staff screens ({@code /staff/*}) take a form login: the login page posts {@code
 *       j_username}, {@code j_password} and {@code j_token} to {@code /staff/j_security_check}, and
 *       the staff member is then remembered in the HTTP session until it times out (web.xml) or
 *       they log out. Any other page under {@code /staff/} without a login redirects to the login
 *       page.
 * </ul>
 *
 * <p>The token is a random value kept in the session of the browser that rendered the login page. A
 * page on another site can make a browser post to the login action, but cannot read the token, so
 * it cannot log a staff member's browser into an account of its choosing (login CSRF).
 *
 * <p>Everything else passes through untouched (businesses use OAuth2 bearer tokens, checked by
 * their own filter). Repeated failures are slowed down by the identity store's throttle on both
 * doors.
 *
 * <p>The session holds only the name and roles; with more than one instance, the load balancer
 * keeps a browser on its instance or Payara's session replication carries the session over.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute holding the authenticated staff member's roles. */
  public static final String ROLES = "org.iys.staff.roles";

  static final String LOGIN_PAGE = "/staff/login.xhtml";

  static final String LOGIN_ACTION = "/staff/j_security_check";

  static final String HOME = "/staff/index.xhtml";

  private static final String SESSION_USER = "org.iys.staff.session.user";

  private static final String SESSION_ROLES = "org.iys.staff.session.roles";

  private static final String SESSION_LOGIN_TOKEN = "org.iys.staff.session.login-token";

  /** The login form's field carrying the session's login token. */
  static final String TOKEN_FIELD = "j_token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String STAFF_API = "/api/staff/";

  private static final String STAFF_SCREENS = "/staff/";

  @Inject private IdentityStoreHandler identities;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(STAFF_API)) {
      return basic(request, response, context);
    }
    if (path.startsWith(STAFF_SCREENS)) {
      return form(path, request, response, context);
    }
    return context.doNothing();
  }

  /**
   * The token the login form of this session must send back; made on first use and kept until the
   * login succeeds.
   */
  public static String loginToken(HttpSession session) {
    if (session.getAttribute(SESSION_LOGIN_TOKEN) instanceof String token) {
      return token;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_LOGIN_TOKEN, token);
    return token;
  }

  /** Forgets the staff member of this session; the session itself is invalidated by the caller. */
  public static void forget(HttpSession session) {
    session.removeAttribute(SESSION_USER);
    session.removeAttribute(SESSION_ROLES);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
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

  @SuppressWarnings("unchecked")
  private AuthenticationStatus form(
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (path.equals(LOGIN_ACTION)) {
      return login(request, response);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
      Set<String> roles = (Set<String>) session.getAttribute(SESSION_ROLES);
      request.setAttribute(ROLES, roles);
      return context.notifyContainerAboutLogin(user, roles);
    }
    if (path.equals(LOGIN_PAGE)) {
      // Made before the page renders, so the session cookie goes out before any of the body does.
      loginToken(request.getSession(true));
      return context.doNothing();
    }
    return redirect(request, response, LOGIN_PAGE);
  }

  private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response) {
    if (!"POST".equals(request.getMethod())) {
      return redirect(request, response, LOGIN_PAGE);
    }
    if (!tokenMatches(request)) {
      // Not counted as a failed login: no password was tried, and counting it would let any site
      // lock staff accounts out through their own browsers.
      return redirect(request, response, LOGIN_PAGE + "?expired=true");
    }
    String username = request.getParameter("j_username");
    String password = request.getParameter("j_password");
    CredentialValidationResult result =
        username == null || password == null
            ? CredentialValidationResult.INVALID_RESULT
            : identities.validate(new UsernamePasswordCredential(username.strip(), password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return redirect(request, response, LOGIN_PAGE + "?failed=true");
    }
    // A new session id at login, so a session id planted before it is worth nothing after.
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.removeAttribute(SESSION_LOGIN_TOKEN);
    session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
    session.setAttribute(SESSION_ROLES, Set.copyOf(result.getCallerGroups()));
    return redirect(request, response, HOME);
  }

  private static boolean tokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String given = request.getParameter(TOKEN_FIELD);
    if (session == null || given == null) {
      return false;
    }
    Object expected = session.getAttribute(SESSION_LOGIN_TOKEN);
    return expected instanceof String token
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  private static AuthenticationStatus redirect(
      HttpServletRequest request, HttpServletResponse response, String path) {
    try {
      response.sendRedirect(request.getContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static UsernamePasswordCredential basicCredential(String header) {
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
