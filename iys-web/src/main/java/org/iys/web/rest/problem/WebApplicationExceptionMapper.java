package org.iys.web.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * What the JAX-RS runtime refuses before a resource runs (no such path, wrong method, a body that
 * is not JSON) answers in the İYS envelope too, never with the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final System.Logger LOG =
      System.getLogger(WebApplicationExceptionMapper.class.getName());

  @Override
  public Response toResponse(WebApplicationException refusal) {
    int status = refusal.getResponse().getStatus();
    if (status >= 500) {
      return UnhandledExceptionMapper.internalError(refusal);
    }
    LOG.log(System.Logger.Level.DEBUG, "refused with {0}", status);
    ErrorCode code =
        switch (status) {
          case 404 -> ErrorCode.IYS008;
          case 405 -> ErrorCode.IYS009;
          case 413 -> ErrorCode.IYS006;
          case 415 -> ErrorCode.IYS005;
          default -> ErrorCode.IYS014;
        };
    Response.ResponseBuilder answer =
        Response.status(Statuses.of(status))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorEnvelope.of(List.of(Violation.of(code))));
    String allow = refusal.getResponse().getHeaderString("Allow");
    if (allow != null) {
      answer.header("Allow", allow);
    }
    return answer.build();
  }
}
