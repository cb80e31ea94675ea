package org.iys.web.rest.reconciliation;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.Map;
import org.iys.application.reconciliation.ChainCheck;
import org.iys.application.reconciliation.DailyMovementFiles;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.BusinessCaller;

/**
 * A brand's daily movements as the reference API serves them: the day's change counts, the day's
 * movement file, and the verification of the hash chain over a range of days.
 */
@Path("sps/{iysCode}/brands/{brandCode}/changes")
@Produces(MediaType.APPLICATION_JSON)
public class DailyChangesResource {

  @EJB private DailyMovementFiles files;

  @Inject private BusinessCaller caller;

  @PathParam("iysCode")
  private int iysCode;

  @PathParam("brandCode")
  private int brandCode;

  @GET
  @Path("{reportDate}/recipients/{recipientType}")
  public JsonObject summary(
      @PathParam("reportDate") String reportDate,
      @PathParam("recipientType") String recipientType) {
    caller.requireBrand(iysCode, brandCode);
    LocalDate date = files.reportDate(reportDate);
    if (!"BIREYSEL".equals(recipientType) && !"TACIR".equals(recipientType)) {
      throw new DomainException(Violation.of(ErrorCode.H116, "recipientType", recipientType));
    }
    JsonArrayBuilder stats = Json.createArrayBuilder();
    for (Map.Entry<String, Map<String, long[]>> type :
        files.summary(brandCode, date, recipientType).entrySet()) {
      JsonArrayBuilder consents = Json.createArrayBuilder();
      type.getValue()
          .forEach(
              (source, counts) ->
                  consents.add(
                      Json.createObjectBuilder()
                          .add("source", source)
                          .add("approval", counts[0])
                          .add("rejection", counts[1])
                          .add("pending", 0)
                          .add("total", counts[0] + counts[1])));
      stats.add(Json.createObjectBuilder().add("type", type.getKey()).add("consents", consents));
    }
    return Json.createObjectBuilder().add("changeStats", stats).build();
  }

  /** The day's movement file; 204 when the brand had no movement that day. */
  @GET
  @Path("{reportDate}/file")
  @Produces("text/csv; charset=UTF-8")
  public Response file(@PathParam("reportDate") String reportDate) {
    caller.requireBrand(iysCode, brandCode);
    LocalDate date = files.reportDate(reportDate);
    if (files.rowCount(brandCode, date) == 0) {
      return Response.noContent().build();
    }
    StreamingOutput csv = out -> files.write(brandCode, date, out);
    return Response.ok(csv)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + brandCode + "-" + date + "-changes.csv\"")
        .build();
  }

  /**
   * Rebuilds each frozen day from {@code from} to {@code to} (inclusive, at most 366 days, not
   * limited to the last week) from today's movements and checks every file hash and link. Both are
   * optional: the last seven days up to today by default.
   */
  @GET
  @Path("chain/verify")
  public JsonObject verify(@QueryParam("from") String from, @QueryParam("to") String to) {
    caller.requireBrand(iysCode, brandCode);
    ChainCheck check = files.verify(iysCode, brandCode, from, to);
    JsonArrayBuilder days = Json.createArrayBuilder();
    for (ChainCheck.Day day : check.days()) {
      days.add(
          Json.createObjectBuilder()
              .add("reportDate", day.reportDate().toString())
              .add("rowCount", day.rowCount())
              .add("hashValue", day.fileHash())
              .add("recomputedHashValue", day.recomputedFileHash())
              .add("chainHash", day.chainHash())
              .add("fileMatches", day.fileMatches())
              .add("linkMatches", day.linkMatches()));
    }
    JsonObjectBuilder result =
        Json.createObjectBuilder()
            .add("from", check.from().toString())
            .add("to", check.to().toString())
            .add("valid", check.valid())
            .add("hashMethod", "SHA-384")
            .add("days", days);
    return result.build();
  }
}
