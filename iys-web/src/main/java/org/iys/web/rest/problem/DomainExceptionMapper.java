package org.iys.web.rest.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iys.domain.error.DomainException;

/**
 * A refused request answers with the İYS error envelope and the status of its first code; a 429
 * also says in {@code Retry-After} how many seconds to wait.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException refusal) {
    return answer(refusal);
  }

  /** The answer to {@code refusal}, also for filters that refuse before any resource runs. */
  public static Response answer(DomainException refusal) {
    int status = refusal.httpStatus();
    if (status == 503) {
      return BrokerUnavailable.response(refusal.violations());
    }
    Response.ResponseBuilder answer =
        Response.status(Statuses.of(status))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorEnvelope.of(refusal.violations()));
    if (status == 429) {
      answer.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(refusal));
    }
    return answer.build();
  }

  static long retryAfterSeconds(DomainException refusal) {
    return refusal instanceof RateLimited limited
        ? limited.retryAfterSeconds()
        : Statuses.DEFAULT_RETRY_AFTER_SECONDS;
  }
}
