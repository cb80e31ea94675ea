package org.iys.web.rest.business;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.business.ApplicationForm;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** Businesses apply to join the registry here, and follow their application. */
@Path("businesses/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BusinessApplicationResource {

  @EJB private BusinessRegistration registration;

  @Context private UriInfo uri;

  @POST
  public Response apply(JsonObject body) {
    JsonBodies.required(body);
    var form =
        new ApplicationForm(
            JsonBodies.text(body, "title"),
            JsonBodies.text(body, "taxNumber"),
            JsonBodies.text(body, "mersisNumber"),
            JsonBodies.text(body, "address"),
            JsonBodies.text(body, "email"),
            JsonBodies.text(body, "phone"));
    var application = registration.apply(form);
    var location = uri.getAbsolutePathBuilder().path(application.id().toString()).build();
    return Response.created(location).entity(ApplicationView.of(application)).build();
  }

  @GET
  @Path("{id}")
  public ApplicationView application(@PathParam("id") long id) {
    return registration
        .application(id)
        .map(ApplicationView::of)
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS107).withValue(id)));
  }
}
