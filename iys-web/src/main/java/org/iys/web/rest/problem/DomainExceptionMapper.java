package org.iys.web.rest.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iys.domain.error.DomainException;

/** A refused request answers with the İYS error envelope and the status of its first code. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException refusal) {
    if (refusal.httpStatus() == 503) {
      return BrokerUnavailable.response(refusal.violations());
    }
    return Response.status(refusal.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorEnvelope.of(refusal.violations()))
        .build();
  }
}
