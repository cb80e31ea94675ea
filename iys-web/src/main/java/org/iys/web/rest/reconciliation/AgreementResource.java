package org.iys.web.rest.reconciliation;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.iys.application.reconciliation.DailyDay;
import org.iys.application.reconciliation.DailyMovementFiles;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.reconciliation.MovementChain;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * The business's agreement with a day's movement file: the day's hash (with its chain hash), the
 * agreement itself and when it was given.
 */
@Path("sps/{iysCode}/brands/{brandCode}/agreements/{reportDate}")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

  @EJB private DailyMovementFiles files;

  @Inject private BusinessCaller caller;

  @PathParam("iysCode")
  private int iysCode;

  @PathParam("brandCode")
  private int brandCode;

  @PathParam("reportDate")
  private String reportDate;

  /**
   * The day's hash. {@code processStatus} is {@code inprogress} while the day is not yet over (the
   * hash then covers the movements so far and has no chain hash); 204 when the day has no movement.
   */
  @GET
  public Response hash() {
    caller.requireBrand(iysCode, brandCode);
    LocalDate date = files.reportDate(reportDate);
    Optional<DailyDay> found = files.day(iysCode, brandCode, date);
    if (found.isEmpty() || found.get().rowCount() == 0) {
      return Response.noContent().build();
    }
    DailyDay day = found.get();
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("processStatus", day.frozen() ? "completed" : "inprogress")
            .add("hashValue", day.fileHash())
            .add("hashMethod", MovementChain.METHOD)
            .add("agreementStatus", day.agreedAt() != null)
            .add("rowCount", day.rowCount());
    if (day.frozen()) {
      body.add("previousChainHash", day.previousChainHash()).add("chainHash", day.chainHash());
    }
    return Response.ok(body.build()).build();
  }

  /** Records the agreement; 204 when the day has no movement or is not over yet. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response agree(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    LocalDate date = files.reportDate(reportDate);
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS031);
    if (!Boolean.TRUE.equals(request.get("agreementStatus")) || request.size() != 1) {
      throw new DomainException(
          Violation.of(ErrorCode.IYS031, "agreementStatus", request.get("agreementStatus")));
    }
    if (!files.agree(iysCode, brandCode, date)) {
      return Response.noContent().build();
    }
    return Response.ok(Json.createObjectBuilder().add("agreementCaptured", true).build()).build();
  }

  /** When the agreement was given, Turkey time {@code yyyy-MM-dd HH:mm:ss}; 204 before that. */
  @GET
  @Path("timestamp")
  @Produces(MediaType.TEXT_PLAIN)
  public Response timestamp() {
    caller.requireBrand(iysCode, brandCode);
    LocalDate date = files.reportDate(reportDate);
    Optional<DailyDay> day = files.day(iysCode, brandCode, date);
    if (day.isEmpty() || day.get().agreedAt() == null) {
      return Response.noContent().build();
    }
    return Response.ok(ConsentDate.format(day.get().agreedAt())).build();
  }
}
