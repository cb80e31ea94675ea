package org.iys.web.rest.complaint;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.iys.application.complaint.ComplaintIntake;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

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

  @POST
  public Response file(ComplaintRequest complaint) {
    if (complaint == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS201));
    }
    String number = intake.file(complaint.toMessage());
    return Response.accepted(Map.of("complaintNumber", number)).build();
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
