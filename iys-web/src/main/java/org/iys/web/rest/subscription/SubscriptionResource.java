package org.iys.web.rest.subscription;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/subscription}: the business's subscription and the share of its consent
 * quota in use. It answers in every state of the subscription, as the one call a paused or expired
 * business may still make.
 */
@RequestScoped
@Path("sps/{iysCode}/subscription")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  @Inject private BusinessCaller caller;

  @EJB private Subscriptions subscriptions;

  private final Clock clock = Clock.systemUTC();

  @GET
  public JsonObject subscription(@PathParam("iysCode") int iysCode) {
    caller.requireBusinessInAnyState(iysCode);
    return subscriptions
        .standing(iysCode)
        .map(standing -> SubscriptionJson.of(standing, clock.instant()))
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.H437, "iysCode", iysCode)));
  }
}
