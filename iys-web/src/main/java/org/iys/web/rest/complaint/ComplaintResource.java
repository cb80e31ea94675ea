package org.iys.web.rest.complaint;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.iys.application.complaint.ComplaintIntake;
import org.iys.application.complaint.ComplaintMessage;
import org.iys.application.complaint.ComplaintRegistry;

/** Complaints are accepted here and judged later; the answer is the number to follow. */
@Path("complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

  @EJB private ComplaintIntake intake;

  @EJB private ComplaintRegistry registry;

  @POST
  public Response file(ComplaintMessage complaint) {
    String number = intake.file(complaint.withNumber(null));
    return Response.accepted(Map.of("complaintNumber", number)).build();
  }

  @GET
  @Path("{number}")
  public Map<String, String> status(@PathParam("number") String number) {
    return registry
        .byNumber(number)
        .map(c -> Map.of("complaintNumber", c.complaintNumber(), "status", c.status().name()))
        .orElseThrow(NotFoundException::new);
  }
}
