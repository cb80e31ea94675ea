package org.iys.web.rest.consent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.util.Map;
import org.iys.application.consent.ConsentRequests;
import org.iys.application.consent.ConsentService;
import org.iys.domain.error.ErrorCode;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * The v2 adds: idempotent, so that a business retrying after a lost answer does not record the same
 * consent twice. The same change sent again for the same brand within 24 hours of its first
 * recording answers that recording's transaction id and creation date; after 24 hours it is a new
 * movement. "The same change" is judged on the canonical values (field order, whitespace and an
 * e-mail address's casing do not matter).
 *
 * <p>One instance serves every request: creating it per request repeated the EJB lookups behind its
 * fields on the single add's hot path. The caller is request scoped behind its proxy.
 */
@ApplicationScoped
@Path("v2/sps/{iysCode}/brands/{brandCode}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentV2Resource {

  @Inject private BusinessCaller caller;

  @EJB private ConsentService consents;

  @EJB private ConsentRequests requests;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    Map<String, Object> request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H085);
    return ConsentJson.recorded(consents.addOnce(iysCode, brandCode, request));
  }

  @POST
  @Path("request")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addMany(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    return ConsentResource.submit(requests, iysCode, brandCode, StrictJson.read(body, length), 2);
  }

  @GET
  @Path("request/{requestId}")
  public JsonArray requestStatus(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @PathParam("requestId") String requestId) {
    caller.requireBrand(iysCode, brandCode);
    ConsentResource.checkRequestId(requestId);
    return ConsentJson.results(requestId, requests.results(brandCode, requestId), true);
  }
}
