package org.iys.web.rest.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The last resort: a fault of iys itself. The caller gets the envelope with H015 and an error id,
 * never a stack trace or a class name; the log gets the id with the full cause, so the two can be
 * matched when a business reports it.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOG =
      System.getLogger(UnhandledExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    return internalError(failure);
  }

  static Response internalError(Throwable failure) {
    String errorId = UUID.randomUUID().toString();
    LOG.log(
        System.Logger.Level.ERROR,
        () -> "IYS-WEB-500 unhandled failure, error id " + errorId,
        failure);
    Violation violation =
        Violation.of(ErrorCode.H015)
            .withMessage(ErrorCode.H015.message() + " Error id: " + errorId + ".");
    return Response.status(500)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorEnvelope.of(List.of(violation)))
        .build();
  }
}
