package org.iys.web.rest.oauth;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.iys.application.access.OAuthTokens;
import org.iys.application.access.OAuthTokens.TokenPair;
import org.iys.application.access.TokenRefusal;
import org.iys.domain.error.DomainException;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.RateLimits;

/**
 * {@code POST /oauth2/token}: the password and refresh_token grants, from a JSON body or an HTML
 * form body, as the national registry offers them.
 */
@Path("oauth2/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  @EJB private OAuthTokens tokens;

  @Inject private RateLimits rateLimits;

  @Context private HttpServletRequest http;

  /**
   * Every body reaches this one method, whatever its type, so that each refusal (a body of another
   * type, broken JSON, a broken form) answers in OAuth's error shape, which token clients parse,
   * rather than in the İYS envelope the runtime would write for them.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response token(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    MediaType type = mediaType(contentType);
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return grant(TokenForm.read(body));
    }
    if (type != null
        && type.getType().equals("application")
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
      return grant(fromJson(body, length));
    }
    throw new TokenRefusal(
        TokenRefusal.INVALID_REQUEST,
        "Send the token request as application/x-www-form-urlencoded or application/json.");
  }

  private static Map<String, String> fromJson(InputStream body, Long length) {
    Object json;
    try {
      json = StrictJson.read(body, length);
    } catch (DomainException unreadable) {
      throw new TokenRefusal(
          TokenRefusal.INVALID_REQUEST, unreadable.violations().get(0).message());
    }
    if (!(json instanceof Map<?, ?> object)) {
      throw new TokenRefusal(
          TokenRefusal.INVALID_REQUEST, "The JSON body must be an object of string fields.");
    }
    Map<String, String> fields = new HashMap<>();
    object.forEach((name, value) -> fields.put((String) name, text((String) name, value)));
    return fields;
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }

  private Response grant(Map<String, String> fields) {
    String grantType = required(fields, "grant_type");
    TokenPair pair =
        switch (grantType) {
          case "password" -> {
            String username = required(fields, "username");
            String password = required(fields, "password");
            rateLimits.tokenRequest(http.getRemoteAddr() + "|" + username);
            yield tokens.password(username, password);
          }
          case "refresh_token" -> {
            String refreshToken = required(fields, "refresh_token");
            rateLimits.tokenRequest(http.getRemoteAddr() + "|refresh");
            yield tokens.refresh(refreshToken);
          }
          default ->
              throw new TokenRefusal(
                  TokenRefusal.INVALID_REQUEST,
                  "Unknown grant_type: use password or refresh_token.");
        };
    JsonObject answer =
        Json.createObjectBuilder()
            .add("access_token", pair.accessToken())
            .add("expires_in", pair.expiresIn())
            .add("refresh_expires_in", pair.refreshExpiresIn())
            .add("refresh_token", pair.refreshToken())
            .add("token_type", "bearer")
            .build();
    return Response.ok(answer)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw missing(name);
    }
    if (value.isEmpty()) {
      throw new TokenRefusal(TokenRefusal.INVALID_GRANT, name + " may not be empty.");
    }
    return value;
  }

  private static TokenRefusal missing(String name) {
    return new TokenRefusal(TokenRefusal.INVALID_REQUEST, name + " is missing.");
  }

  private static String text(String name, Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new TokenRefusal(TokenRefusal.INVALID_REQUEST, name + " must be a string.");
  }
}
