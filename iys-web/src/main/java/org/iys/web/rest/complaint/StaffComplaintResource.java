package org.iys.web.rest.complaint;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.application.complaint.DeadLetters;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/** Staff's view of complaints: the full verdict with its evidence, and the dead letters. */
@Path("staff/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class StaffComplaintResource {

  @EJB private ComplaintRegistry registry;

  @EJB private DeadLetters deadLetters;

  @Inject private StaffCaller caller;

  @GET
  @Path("{number}")
  public ComplaintDetail complaint(@PathParam("number") String number) {
    caller.requireRole("operator", "supervisor", "admin");
    return registry
        .byNumber(number)
        .map(ComplaintDetail::of)
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS204, "number", number)));
  }

  @GET
  @Path("dead-letters")
  public List<DeadLetters.DeadLetter> deadLetters() {
    caller.requireRole("operator", "supervisor", "admin");
    return deadLetters.list();
  }

  @POST
  @Path("dead-letters/{messageId}/replay")
  public Map<String, String> replay(@PathParam("messageId") String messageId) {
    caller.requireRole("supervisor", "admin");
    deadLetters.replay(messageId, caller.username());
    return Map.of("messageId", messageId, "replayed", "true");
  }

  /** A complaint as staff see it, with the movements its verdict relied on. */
  public record ComplaintDetail(
      String complaintNumber,
      String status,
      String brand,
      Integer brandCode,
      String channel,
      String recipient,
      Instant receivedAt,
      String senderId,
      String messageText,
      String verdict,
      String ground,
      String reason,
      Instant judgedAt,
      List<String> evidence) {

    static ComplaintDetail of(Complaint c) {
      var report = c.report();
      return new ComplaintDetail(
          c.complaintNumber(),
          c.status().name(),
          report.brand(),
          c.brandCode(),
          report.channel(),
          report.recipient(),
          report.receivedAt(),
          report.senderId(),
          report.messageText(),
          c.verdict() == null ? null : c.verdict().name(),
          c.ground() == null ? null : c.ground().name(),
          c.verdictReason(),
          c.judgedAt(),
          c.evidence());
    }
  }
}
