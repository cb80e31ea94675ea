package org.iys.web.rest.sanction;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.iys.application.complaint.Sanctions;
import org.iys.domain.complaint.SanctionProposal;
import org.iys.domain.complaint.SanctionStatus;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/** Sanction proposals for staff: listed by status, confirmed or dismissed with a reason. */
@Path("staff/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SanctionResource {

  @EJB private Sanctions sanctions;

  @Inject private StaffCaller caller;

  @GET
  public List<SanctionView> list(@QueryParam("status") @DefaultValue("PROPOSED") String status) {
    caller.requireRole("operator", "supervisor", "admin");
    SanctionStatus wanted;
    try {
      wanted = SanctionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      wanted = SanctionStatus.PROPOSED;
    }
    return sanctions.withStatus(wanted).stream().map(SanctionView::of).toList();
  }

  @GET
  @Path("{id}")
  public SanctionView get(@PathParam("id") long id) {
    caller.requireRole("operator", "supervisor", "admin");
    return SanctionView.of(sanctions.find(id));
  }

  @POST
  @Path("{id}/confirm")
  public SanctionView confirm(@PathParam("id") long id, JsonObject decision) {
    caller.requireRole("supervisor", "admin");
    return SanctionView.of(sanctions.decide(id, true, reason(decision), caller.username()));
  }

  @POST
  @Path("{id}/dismiss")
  public SanctionView dismiss(@PathParam("id") long id, JsonObject decision) {
    caller.requireRole("supervisor", "admin");
    return SanctionView.of(sanctions.decide(id, false, reason(decision), caller.username()));
  }

  // Why staff decided as they did; a reason of another JSON type is this field's fault, which a
  // record binder could only have reported as an unreadable body.
  private static String reason(JsonObject decision) {
    JsonValue value = decision == null ? null : decision.get("reason");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw new DomainException(
        Violation.of(ErrorCode.IYS207, "reason", value)
            .withMessage("The reason must be a JSON string of 1 to 1000 characters."));
  }

  /** A proposal as staff see it. */
  public record SanctionView(
      long id,
      long complaintId,
      int brandCode,
      String article,
      BigDecimal amount,
      int priorViolations,
      String status,
      Instant proposedAt,
      String decidedBy,
      Instant decidedAt,
      String decisionReason) {

    static SanctionView of(SanctionProposal p) {
      return new SanctionView(
          p.id(),
          p.complaintId(),
          p.brandCode(),
          p.article(),
          p.amount(),
          p.priorViolations(),
          p.status().name(),
          p.proposedAt(),
          p.decidedBy(),
          p.decidedAt(),
          p.decisionReason());
    }
  }
}
