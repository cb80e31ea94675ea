package org.iys.web.rest.subscription;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Clock;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.access.StaffUser;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.subscription.SubscriptionChange;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.StaffCaller;
import org.iys.web.rest.security.SubscriptionGate;

/**
 * Staff read and change a business's subscription: pause, close or reopen it, move its expiration
 * date, set its consent limit. Every staff role reads; a supervisor or an admin changes, and each
 * change goes to the audit trail.
 */
@RequestScoped
@Path("staff/businesses/{iysCode}/subscription")
@Produces(MediaType.APPLICATION_JSON)
public class StaffSubscriptionResource {

  @Inject private StaffCaller staff;

  @Inject private SubscriptionGate gate;

  @EJB private Subscriptions subscriptions;

  private final Clock clock = Clock.systemUTC();

  @GET
  public JsonObject subscription(@PathParam("iysCode") int iysCode) {
    staff.requireRole(StaffUser.OPERATOR, StaffUser.SUPERVISOR, StaffUser.ADMIN);
    return subscriptions
        .standing(iysCode)
        .map(standing -> SubscriptionJson.of(standing, clock.instant()))
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.H437, "iysCode", iysCode)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject change(
      @PathParam("iysCode") int iysCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    staff.requireRole(StaffUser.SUPERVISOR, StaffUser.ADMIN);
    SubscriptionChange change =
        SubscriptionChange.read(StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS134));
    Subscriptions.Standing changed = subscriptions.change(iysCode, change, staff.username());
    gate.forget(iysCode);
    return SubscriptionJson.of(changed, clock.instant());
  }
}
