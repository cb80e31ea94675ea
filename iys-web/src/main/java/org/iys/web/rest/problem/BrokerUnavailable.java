package org.iys.web.rest.problem;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The answer to a request the broker could not take: 503 with IYS015 and a Retry-After, rather than
 * an internal error, because nothing of the request was kept and sending it again later is exactly
 * what the caller should do.
 */
final class BrokerUnavailable {

  /** Long enough for a restarted broker to be back; short enough for a waiting person. */
  static final int RETRY_AFTER_SECONDS = 30;

  private BrokerUnavailable() {}

  /**
   * Whether a failure that escaped the services came from the broker: a send refused while a commit
   * was under way arrives wrapped by the container rather than as IYS015.
   */
  static boolean causedBy(Throwable failure) {
    Deque<Throwable> seen = new ArrayDeque<>();
    for (Throwable cause = failure;
        cause != null && !seen.contains(cause);
        cause = cause.getCause()) {
      if (cause instanceof JMSException || cause instanceof JMSRuntimeException) {
        return true;
      }
      seen.push(cause);
    }
    return false;
  }

  static Response response() {
    return response(List.of(Violation.of(ErrorCode.IYS015)));
  }

  static Response response(List<Violation> violations) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorEnvelope.of(violations))
        .build();
  }
}
