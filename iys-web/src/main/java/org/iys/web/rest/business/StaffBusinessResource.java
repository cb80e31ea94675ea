package org.iys.web.rest.business;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.iys.application.access.ApiUsers;
import org.iys.application.business.BrandCatalog;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.access.StaffUser;
import org.iys.domain.business.ApplicationStatus;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/**
 * Staff review business applications, look businesses up and issue their API users. Reading is open
 * to every staff role; deciding and issuing accounts takes a supervisor or an admin.
 */
@Path("staff/businesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffBusinessResource {

  private static final String[] ANY_STAFF = {
    StaffUser.OPERATOR, StaffUser.SUPERVISOR, StaffUser.ADMIN
  };

  @EJB private BusinessRegistration registration;

  @EJB private BrandCatalog brands;

  @EJB private ApiUsers apiUsers;

  @Inject private StaffCaller staff;

  @GET
  @Path("applications")
  public List<StaffApplicationView> applications(
      @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
    staff.requireRole(ANY_STAFF);
    int max = Math.max(1, Math.min(limit, 500));
    var found =
        status == null
            ? registration.applications(max)
            : registration.applications(status(status), max);
    return found.stream().map(StaffApplicationView::of).toList();
  }

  @GET
  @Path("applications/{id}")
  public StaffApplicationView application(@PathParam("id") long id) {
    staff.requireRole(ANY_STAFF);
    return registration
        .application(id)
        .map(StaffApplicationView::of)
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS107).withValue(id)));
  }

  @POST
  @Path("applications/{id}/approval")
  public StaffApplicationView approve(@PathParam("id") long id) {
    staff.requireRole(StaffUser.SUPERVISOR, StaffUser.ADMIN);
    return StaffApplicationView.of(registration.approve(id, staff.username()));
  }

  @POST
  @Path("applications/{id}/rejection")
  public StaffApplicationView reject(@PathParam("id") long id, JsonObject body) {
    staff.requireRole(StaffUser.SUPERVISOR, StaffUser.ADMIN);
    String reason = JsonBodies.text(JsonBodies.required(body), "reason");
    return StaffApplicationView.of(registration.reject(id, reason, staff.username()));
  }

  @GET
  @Path("{iysCode}")
  public JsonObject business(@PathParam("iysCode") int iysCode) {
    staff.requireRole(ANY_STAFF);
    var business =
        registration
            .business(iysCode)
            .orElseThrow(
                () -> new DomainException(Violation.of(ErrorCode.IYS110).withValue(iysCode)));
    var brandList = Json.createArrayBuilder();
    brands
        .brands(iysCode)
        .forEach(
            b ->
                brandList.add(
                    Json.createObjectBuilder()
                        .add("brandCode", b.brandCode())
                        .add("name", b.name())
                        .add("master", b.master())));
    return Json.createObjectBuilder()
        .add("iysCode", iysCode)
        .add("title", business.title())
        .add("taxNumber", business.taxNumber())
        .add("applicationId", business.id())
        .add("approvedAt", business.decidedAt().toString())
        .add("brands", brandList)
        .build();
  }

  @POST
  @Path("{iysCode}/api-users")
  public Response createApiUser(@PathParam("iysCode") int iysCode, JsonObject body) {
    staff.requireRole(StaffUser.SUPERVISOR, StaffUser.ADMIN);
    JsonBodies.required(body);
    var user =
        apiUsers.create(
            iysCode,
            JsonBodies.text(body, "username"),
            JsonBodies.text(body, "password"),
            staff.username());
    return Response.status(Response.Status.CREATED)
        .entity(
            Json.createObjectBuilder()
                .add("id", user.id())
                .add("iysCode", user.iysCode())
                .add("username", user.username())
                .build())
        .build();
  }

  private static ApplicationStatus status(String value) {
    try {
      return ApplicationStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException(Violation.of(ErrorCode.IYS120, "status", value));
    }
  }
}
