package org.iys.web.rest.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * A body the JSON binder could not turn into the endpoint's record (wrong JSON type, malformed
 * text) is the caller's fault: 400 H014 in the envelope, never a 500 naming server classes.
 */
final class UnreadableBodyMapper {

  private UnreadableBodyMapper() {}

  static Response badRequest() {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorEnvelope.of(List.of(Violation.of(ErrorCode.H014))))
        .build();
  }

  /** The binder's own failure. */
  @Provider
  public static class Binding implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException unreadable) {
      return badRequest();
    }
  }

  /** The parser's failure. */
  @Provider
  public static class Parsing implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException unreadable) {
      return badRequest();
    }
  }

  /**
   * The runtime's wrapper, raised while reading the entity or binding it to the method; any other
   * processing failure is a fault of the server and answered as one.
   */
  @Provider
  public static class Reading implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof JsonbException
            || cause instanceof JsonException
            || cause instanceof IllegalArgumentException) {
          return badRequest();
        }
      }
      return UnhandledExceptionMapper.internalError(failure);
    }
  }
}
