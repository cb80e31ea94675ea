package org.iys.web.rest.complaint;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;
import org.iys.application.complaint.ComplaintIntake;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.application.complaint.Sanctions;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;

/**
 * Complaints are accepted here and judged later from the queue; the answer is the number to follow
 * the complaint by.
 */
@Path("complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

  @EJB private ComplaintIntake intake;

  @EJB private ComplaintRegistry registry;

  @EJB private Sanctions sanctions;

  @POST
  public Response file(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
    var complaint =
        ComplaintRequest.from(StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS119));
    refuseWhenNoFineApplies(complaint.toMessage().receivedAt());
    String number = intake.file(complaint.toMessage());
    return Response.accepted(Map.of("complaintNumber", number)).build();
  }

  /**
   * A complaint accepted here that no fine could be found for would fail on the queue until it is
   * dead-lettered, and its number would never answer. Queue messages from other systems are not
   * checked: they are dead-lettered and replayed once staff add the year's amounts.
   */
  private void refuseWhenNoFineApplies(String receivedAt) {
    if (receivedAt == null) {
      return;
    }
    Instant received;
    try {
      received = OffsetDateTime.parse(receivedAt.strip()).toInstant();
    } catch (DateTimeParseException malformed) {
      // The intake answers malformed times with its own code.
      return;
    }
    int year = received.atZone(BusinessCalendar.TURKEY).getYear();
    OptionalInt first = sanctions.firstYearCovered();
    if (first.isEmpty() || year < first.getAsInt()) {
      String from = first.isEmpty() ? "no year" : String.valueOf(first.getAsInt());
      throw new DomainException(
          Violation.of(ErrorCode.IYS209, "receivedAt", receivedAt)
              .withMessage(
                  "The receivedAt is in "
                      + year
                      + ", but the fine schedule starts at "
                      + from
                      + " (Turkey time): such a complaint cannot be judged."));
    }
  }

  @GET
  @Path("{number}")
  public ComplaintStatusView status(@PathParam("number") String number) {
    return registry
        .byNumber(number)
        .map(ComplaintStatusView::of)
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS204, "number", number)));
  }
}
