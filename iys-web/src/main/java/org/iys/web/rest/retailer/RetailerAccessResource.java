package org.iys.web.rest.retailer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.iys.application.retailer.RetailerAccess;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.retailer.RetailerAccessRequest;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/brands/{brandCode}/consents/retailers/access}: giving retailers access to a
 * brand's consents and taking it away, on the reference's paths and methods.
 *
 * <p>Adding access to one consent answers the consent's latest transaction id and the time access
 * changed. The changes over a list of recipients answer 202 with the number of consents whose
 * access changed (the reference shows a bare number there); recipients without a consent are passed
 * over.
 */
@RequestScoped
@Path("sps/{iysCode}/brands/{brandCode}/consents/retailers/access")
@Produces(MediaType.APPLICATION_JSON)
public class RetailerAccessResource {

  @Inject private BusinessCaller caller;

  @EJB private RetailerAccess access;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    var request = RetailerAccessRequest.forOne(read(body, length, ErrorCode.H090), ErrorCode.H090);
    RetailerAccess.Granted granted = access.grant(brandCode, request);
    return Json.createObjectBuilder()
        .add("transactionId", granted.transactionId())
        .add("creationDate", ConsentDate.format(granted.changedAt()))
        .build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    var request =
        RetailerAccessRequest.forMany(read(body, length, ErrorCode.H171), true, ErrorCode.H171);
    return accepted(access.replace(brandCode, request));
  }

  @POST
  @Path("remove")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response remove(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    var request =
        RetailerAccessRequest.forMany(read(body, length, ErrorCode.H172), true, ErrorCode.H172);
    return accepted(access.revoke(brandCode, request));
  }

  @POST
  @Path("remove/all")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response removeAll(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    var request =
        RetailerAccessRequest.forMany(read(body, length, ErrorCode.H172), false, ErrorCode.H172);
    return accepted(access.revokeAll(brandCode, request));
  }

  // The count is the whole body, a bare JSON number as the reference shows.
  private static Response accepted(int changedConsents) {
    return Response.accepted(String.valueOf(changedConsents))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static Map<String, Object> read(InputStream body, Long length, ErrorCode notAnObject) {
    return StrictJson.object(StrictJson.read(body, length), notAnObject);
  }
}
