package org.iys.web.rest.business;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iys.application.business.BrandCatalog;
import org.iys.web.rest.security.BusinessCaller;

/**
 * {@code /sps/{iysCode}/brands}: a business's brands with their consent figures, as the reference
 * lists them; adding a brand here is iys's own extension.
 */
@Path("sps/{iysCode}/brands")
@Produces(MediaType.APPLICATION_JSON)
public class BrandResource {

  @EJB private BrandCatalog brands;

  @Inject private BusinessCaller caller;

  @GET
  public JsonArray brands(@PathParam("iysCode") int iysCode) {
    caller.requireBusiness(iysCode);
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (var figures : brands.figures(iysCode)) {
      var brand = figures.brand();
      list.add(
          Json.createObjectBuilder()
              .add("brandCode", brand.brandCode())
              .add("name", brand.name())
              .add("master", brand.master())
              .add(
                  "stats",
                  Json.createObjectBuilder()
                      .add(
                          "consents",
                          Json.createObjectBuilder()
                              .add("approval", figures.approvals())
                              .add("rejection", figures.rejections())
                              .add("total", figures.approvals() + figures.rejections()))
                      .add(
                          "retailers",
                          Json.createObjectBuilder().add("total", figures.retailers()))));
    }
    return list.build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@PathParam("iysCode") int iysCode, JsonObject body) {
    caller.requireBusiness(iysCode);
    var brand = brands.add(iysCode, JsonBodies.text(JsonBodies.required(body), "name"));
    return Response.status(Response.Status.CREATED)
        .entity(
            Json.createObjectBuilder()
                .add("brandCode", brand.brandCode())
                .add("name", brand.name())
                .add("master", brand.master())
                .build())
        .build();
  }
}
