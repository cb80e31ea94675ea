package org.iys.web.rest.sanction;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.iys.application.complaint.FineSchedule;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/**
 * The fine table sanctions are proposed from. Staff read it; administrators set an amount, or add
 * the rows of a new year, one article, year and escalation step at a time.
 */
@Path("staff/fines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FineResource {

  @EJB private FineSchedule fines;

  @Inject private StaffCaller caller;

  @GET
  public List<FineView> list() {
    caller.requireRole("operator", "supervisor", "admin");
    return fines.all().stream().map(FineView::of).toList();
  }

  @PUT
  @Path("{article}/{year}/{minPriorViolations}")
  public FineView set(
      @PathParam("article") String article,
      @PathParam("year") int year,
      @PathParam("minPriorViolations") int minPriorViolations,
      JsonObject change) {
    caller.requireRole("admin");
    if (change == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS210, "amount", null));
    }
    return FineView.of(
        fines.set(
            article,
            year,
            minPriorViolations,
            amount(change),
            description(change),
            caller.username()));
  }

  // The body is read field by field rather than bound to a record: a binder's failure on a field
  // of the wrong JSON type could only be reported as an unreadable body, not as this field's fault.
  private static BigDecimal amount(JsonObject change) {
    JsonValue value = change.get("amount");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    throw new DomainException(
        Violation.of(ErrorCode.IYS210, "amount", value)
            .withMessage("The amount must be a JSON number, such as 1250.50."));
  }

  private static String description(JsonObject change) {
    JsonValue value = change.get("description");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw new DomainException(
        Violation.of(ErrorCode.IYS210, "description", value)
            .withMessage("The description must be a JSON string."));
  }

  /**
   * One amount as staff see it.
   *
   * @param placeholder true while the amount is the one shipped with iys, which no administrator
   *     has confirmed: it is not an official figure
   */
  public record FineView(
      String article,
      int year,
      int minPriorViolations,
      BigDecimal amount,
      String description,
      boolean placeholder,
      String setBy,
      Instant setAt) {

    static FineView of(FineSchedule.Fine fine) {
      return new FineView(
          fine.article(),
          fine.year(),
          fine.minPriorViolations(),
          fine.amount(),
          fine.description(),
          fine.placeholder(),
          fine.setBy(),
          fine.setAt());
    }
  }
}
