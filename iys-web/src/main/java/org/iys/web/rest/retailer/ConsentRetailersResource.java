package org.iys.web.rest.retailer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.iys.application.retailer.RetailerAccess;
import org.iys.application.retailer.Retailers;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentQueryReader;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.retailer.PageRequest;
import org.iys.domain.retailer.Retailer;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/brands/{brandCode}/consent/retailers/access/list} (the reference writes
 * {@code consent} in the singular here): the retailers with access to one consent, a page at a
 * time. A consent never recorded has no retailers and answers an empty page.
 */
@RequestScoped
@Path("sps/{iysCode}/brands/{brandCode}/consent/retailers/access/list")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentRetailersResource {

  @Inject private BusinessCaller caller;

  @EJB private RetailerAccess access;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject list(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    PageRequest page = PageRequest.of(offset, limit);
    var request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H173);
    ConsentKey key = ConsentQueryReader.key(brandCode, request);

    Retailers.Page<Retailer> found = access.withAccess(key, page);
    List<JsonObject> list = found.list().stream().map(r -> RetailerJson.full(r).build()).toList();
    return RetailerJson.page(list, found.totalCount(), page, false);
  }
}
