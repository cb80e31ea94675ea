package org.iys.web.rest.retailer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.iys.application.retailer.Retailers;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.retailer.PageRequest;
import org.iys.domain.retailer.Retailer;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/brands/{brandCode}/retailers}: a brand's retailers, on the reference's
 * paths. A retailer of another brand answers exactly like one that does not exist (404 H058).
 */
@RequestScoped
@Path("sps/{iysCode}/brands/{brandCode}/retailers")
@Produces(MediaType.APPLICATION_JSON)
public class RetailerResource {

  @Inject private BusinessCaller caller;

  @EJB private Retailers retailers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    var request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H016);
    Retailer retailer = retailers.create(iysCode, brandCode, request);
    return Response.status(Response.Status.CREATED)
        .entity(Json.createObjectBuilder().add("retailerCode", retailer.retailerCode()).build())
        .build();
  }

  /**
   * One page (at most 100) in code order. Every field is listed, as {@code all} asks; {@code short}
   * (unless {@code false}) gives the reference's brief form instead, and {@code all} wins when both
   * are sent.
   */
  @GET
  public JsonObject list(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit,
      @QueryParam("short") String brief,
      @QueryParam("all") String all) {
    caller.requireBrand(iysCode, brandCode);
    PageRequest page = PageRequest.of(offset, limit);
    boolean briefly = asked(brief) && !asked(all);
    Retailers.Page<Retailers.Listed> found = retailers.page(brandCode, page);
    List<JsonObject> list =
        found.list().stream().map(listed -> RetailerJson.listed(listed, briefly)).toList();
    return RetailerJson.page(list, found.totalCount(), page, true);
  }

  @GET
  @Path("{retailerCode}")
  public JsonObject one(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @PathParam("retailerCode") String retailerCode) {
    caller.requireBrand(iysCode, brandCode);
    return retailers
        .find(brandCode, code(retailerCode))
        .map(listed -> RetailerJson.listed(listed, false))
        .orElseThrow(() -> notFound(retailerCode));
  }

  /**
   * Deletes a retailer that no consent names. The reference answers a bare word; iys answers a
   * small JSON object, like its other answers.
   */
  @DELETE
  @Path("{retailerCode}")
  public JsonObject delete(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @PathParam("retailerCode") String retailerCode) {
    caller.requireBrand(iysCode, brandCode);
    retailers.delete(brandCode, code(retailerCode));
    return Json.createObjectBuilder().add("message", "The retailer was deleted.").build();
  }

  // A flag given with no value, or any value but "false", is set.
  private static boolean asked(String flag) {
    return flag != null && !"false".equalsIgnoreCase(flag);
  }

  private static int code(String text) {
    if (!text.matches("[1-9][0-9]{7}")) {
      throw notFound(text);
    }
    return Integer.parseInt(text);
  }

  private static DomainException notFound(String retailerCode) {
    return new DomainException(Violation.of(ErrorCode.H058, "retailerCode", retailerCode));
  }
}
