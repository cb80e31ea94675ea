package org.iys.web.rest.oauth;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iys.application.access.TokenRefusal;

/** A refused token request answers 400 in OAuth2's error shape, as the reference shows it. */
@Provider
public class TokenRefusalMapper implements ExceptionMapper<TokenRefusal> {

  @Override
  public Response toResponse(TokenRefusal refusal) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(
            Json.createObjectBuilder()
                .add("error", refusal.error())
                .add("error_description", refusal.description())
                .build())
        .build();
  }
}
