package org.iys.web.rest.json;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.problem.ErrorEnvelope;

/**
 * A body sent without a Content-Type is refused with 415: JAX-RS would otherwise let it reach any
 * resource, and a client that forgot the header would learn of it only from confusing field errors.
 * The token endpoint is left to refuse it itself, in OAuth's error shape.
 */
@Provider
@PreMatching
public class ContentTypeRequired implements ContainerRequestFilter {

  private static final String TOKEN_PATH = "oauth2/token";

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.hasEntity()
        && request.getMediaType() == null
        && !TOKEN_PATH.equals(request.getUriInfo().getPath())) {
      request.abortWith(
          Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(ErrorEnvelope.of(List.of(Violation.of(ErrorCode.IYS005))))
              .build());
    }
  }
}
