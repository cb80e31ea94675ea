package org.iys.web.rest.oauth;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.iys.application.access.OAuthTokens;
import org.iys.application.access.OAuthTokens.TokenPair;
import org.iys.application.access.TokenRefusal;
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

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response fromJson(JsonObject body) {
    if (body == null) {
      throw missing("grant_type");
    }
    Map<String, String> fields = new HashMap<>();
    for (var entry : body.entrySet()) {
      fields.put(entry.getKey(), text(entry.getKey(), entry.getValue()));
    }
    return grant(fields);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response fromForm(MultivaluedMap<String, String> form) {
    Map<String, String> fields = new HashMap<>();
    form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
    return grant(fields);
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

  private static String text(String name, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new TokenRefusal(TokenRefusal.INVALID_REQUEST, name + " must be a string.");
  }
}
