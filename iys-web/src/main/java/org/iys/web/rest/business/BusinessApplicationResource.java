package org.iys.web.rest.business;

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
import jakarta.ws.rs.core.UriInfo;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.business.Contact;

/** Businesses apply to join the registry here. */
@Path("businesses/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BusinessApplicationResource {

  @EJB private BusinessRegistration registration;

  @jakarta.ws.rs.core.Context private UriInfo uri;

  @POST
  public Response apply(ApplicationRequest request) {
    var contact = new Contact(request.email(), request.phone(), request.address());
    var application =
        registration.apply(request.title(), request.taxNumber(), request.mersisNumber(), contact);
    var location = uri.getAbsolutePathBuilder().path(application.id().toString()).build();
    return Response.created(location).entity(ApplicationView.of(application)).build();
  }

  @GET
  @Path("{id}")
  public ApplicationView application(@PathParam("id") long id) {
    return registration
        .application(id)
        .map(ApplicationView::of)
        .orElseThrow(NotFoundException::new);
  }
}
