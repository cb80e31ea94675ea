package org.iys.web.rest.reconciliation;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.iys.application.reconciliation.ListComparisonView;
import org.iys.application.reconciliation.ListComparisons;
import org.iys.batch.reconciliation.ListComparisonJobs;
import org.iys.web.rest.consentfile.FileNames;
import org.iys.web.rest.security.BusinessCaller;

/**
 * A business compares its own current consent list (the raw file as the body, in the bulk import's
 * formats) with the registry; the comparison runs as a batch job and its differences are
 * downloadable.
 */
@Path("sps/{iysCode}/brands/{brandCode}/list-comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ListComparisonResource {

  @EJB private ListComparisonJobs jobs;

  @EJB private ListComparisons comparisons;

  @Inject private BusinessCaller caller;

  @PathParam("iysCode")
  private int iysCode;

  @PathParam("brandCode")
  private int brandCode;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      InputStream body,
      @HeaderParam("X-File-Name") String headerName,
      @QueryParam("fileName") String queryName,
      @Context UriInfo uri)
      throws IOException {
    caller.requireBrand(iysCode, brandCode);
    ListComparisonView comparison =
        jobs.receive(iysCode, brandCode, body, FileNames.given(queryName, headerName));
    return Response.created(
            uri.getAbsolutePathBuilder().path(Long.toString(comparison.id())).build())
        .entity(json(comparison))
        .build();
  }

  @GET
  @Path("{id}")
  public JsonObject progress(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    return json(comparisons.ofBrand(iysCode, brandCode, id));
  }

  @GET
  @Path("{id}/report")
  @Produces("text/csv; charset=UTF-8")
  public Response report(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    comparisons.ofBrand(iysCode, brandCode, id);
    StreamingOutput csv = out -> comparisons.report(iysCode, brandCode, id, out);
    return Response.ok(csv)
        .header("Content-Disposition", "attachment; filename=\"list-comparison-" + id + ".csv\"")
        .build();
  }

  private static JsonObject json(ListComparisonView view) {
    JsonObjectBuilder differences = Json.createObjectBuilder();
    view.differences().forEach(differences::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("id", view.id())
            .add("status", view.status())
            .add("receivedAt", view.receivedAt().toString())
            .add("rowsRead", view.rowsRead())
            .add("differences", differences);
    if (view.fileName() != null) {
      body.add("fileName", view.fileName());
    }
    if (view.finishedAt() != null) {
      body.add("finishedAt", view.finishedAt().toString());
    }
    if (view.failure() != null) {
      body.add("failure", view.failure());
    }
    return body.build();
  }
}
