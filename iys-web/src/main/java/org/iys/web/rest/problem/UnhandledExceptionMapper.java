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
 * matched when a business reports it. A failure of the broker is no fault of the request nor a
 * lasting one: it answers 503 with IYS015, so the caller sends again later.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOG =
      System.getLogger(UnhandledExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    if (BrokerUnavailable.causedBy(failure)) {
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "IYS-WEB-503 the broker did not take a request's message; answered 503",
          failure);
      return BrokerUnavailable.response();
    }
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
