package org.iys.web.rest.subscription;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.subscription.Subscription;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/subscription}: the business's subscription and the share of its consent
 * quota in use, with the reference's field names. Dates are Turkey time.
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
    caller.requireBusiness(iysCode);
    Subscriptions.Standing standing =
        subscriptions
            .standing(iysCode)
            .orElseThrow(
                () -> new DomainException(Violation.of(ErrorCode.H437, "iysCode", iysCode)));
    Subscription s = standing.subscription();
    return Json.createObjectBuilder()
        .add("subscriptionId", s.subscriptionId())
        .add("startDate", ConsentDate.format(s.startDate()))
        .add("expirationDate", ConsentDate.format(s.expirationDate()))
        .add("subscriptionPackageName", s.packageName())
        .add("status", s.status(clock.instant()).name())
        .add("consentLimit", s.consentLimit())
        .add("usedConsentLimit", standing.usedConsentLimit())
        .add("consentLimitExceed", s.consentLimitExceed())
        .build();
  }
}
