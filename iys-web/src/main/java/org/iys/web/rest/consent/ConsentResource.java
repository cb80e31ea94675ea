package org.iys.web.rest.consent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iys.application.consent.ConsentQueries;
import org.iys.application.consent.ConsentRequests;
import org.iys.application.consent.ConsentService;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentQueryReader;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * A brand's consents, on the national registry's paths (v1).
 *
 * <p>One instance serves every request: creating it per request repeated the EJB lookups behind its
 * fields on the single add's hot path. The caller is request scoped behind its proxy.
 */
@ApplicationScoped
@Path("sps/{iysCode}/brands/{brandCode}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

  private static final Pattern CURSOR = Pattern.compile("([0-9]{1,12})_([0-9a-f]{64})");
  private static final int MAX_CHANGES = 1000;
  private static final int MAX_HISTORY_PAGE = 100;

  @Inject private BusinessCaller caller;

  @EJB private ConsentService consents;

  @EJB private ConsentRequests requests;

  @EJB private ConsentQueries queries;

  @Inject
  @ConfigProperty(name = "iys.changes.embargo-minutes", defaultValue = "60")
  private int embargoMinutes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    Map<String, Object> request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H085);
    return ConsentJson.recorded(consents.add(iysCode, brandCode, request));
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
    return submit(requests, iysCode, brandCode, StrictJson.read(body, length), 1);
  }

  @GET
  @Path("request/{requestId}")
  public JsonArray requestStatus(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @PathParam("requestId") String requestId) {
    caller.requireBrand(iysCode, brandCode);
    checkRequestId(requestId);
    return ConsentJson.results(requestId, requests.results(brandCode, requestId), false);
  }

  @POST
  @Path("status")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject status(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    caller.chargeStatusQuery();
    ConsentKey key = key(brandCode, body, length);
    // A key never recorded answers an empty object: the reference has no "not found" answer here.
    return queries
        .status(key)
        .map(ConsentJson::status)
        .orElseGet(() -> Json.createObjectBuilder().build());
  }

  @POST
  @Path("{recipientType}/status/{type}")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject statusOfMany(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @PathParam("recipientType") String recipientTypeText,
      @PathParam("type") String typeText,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    caller.chargeStatusQuery();
    RecipientType recipientType = ConsentQueryReader.recipientType(recipientTypeText);
    ConsentType type = ConsentQueryReader.type(typeText);
    Map<String, Object> request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H097);
    List<Recipient> recipients = ConsentQueryReader.recipients(type, request);

    JsonArrayBuilder approved = Json.createArrayBuilder();
    queries
        .approved(brandCode, recipientType, type, recipients)
        .forEach(r -> approved.add(r.address()));
    return Json.createObjectBuilder()
        .add("requestId", UUID.randomUUID().toString())
        .add("list", approved)
        .build();
  }

  @POST
  @Path("history")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject history(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    int limit = historyLimit(limitText);
    caller.chargeHistoryQuery();
    int offset = offset(offsetText);
    ConsentKey key = key(brandCode, body, length);

    ConsentQueries.History history = queries.history(key, limit, offset);
    JsonArrayBuilder list = Json.createArrayBuilder();
    history.movements().forEach(m -> list.add(ConsentJson.movement(m)));
    return Json.createObjectBuilder()
        .add("list", list)
        .add(
            "pagination",
            Json.createObjectBuilder()
                .add("totalCount", history.totalCount())
                .add("pageSize", history.movements().size())
                .add("offset", history.offset()))
        .build();
  }

  @GET
  @Path("changes")
  public Response changes(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @QueryParam("after") String after,
      @QueryParam("limit") String limitText,
      @QueryParam("source") String sourceText) {
    caller.requireBrand(iysCode, brandCode);
    int limit = changesLimit(limitText);
    ConsentQueries.Origin origin = origin(sourceText);
    ConsentQueries.Cursor cursor = cursor(after);

    ConsentQueries.Changes changes =
        queries.changes(
            brandCode, cursor, limit, origin, Duration.ofMinutes(Math.max(0, embargoMinutes)));
    if (changes.movements().isEmpty()) {
      return Response.noContent().build();
    }
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ConsentMovement m : changes.movements()) {
      list.add(ConsentJson.movement(m));
    }
    String next =
        changes.after().creationDate().getEpochSecond() + "_" + changes.after().transactionId();
    return Response.ok(Json.createObjectBuilder().add("after", next).add("list", list).build())
        .build();
  }

  static Response submit(
      ConsentRequests requests, int iysCode, int brandCode, Object body, int apiVersion) {
    if (!(body instanceof List<?> list)) {
      throw new DomainException(Violation.of(ErrorCode.H092));
    }
    ConsentRequests.Submission submission = requests.submit(iysCode, brandCode, list, apiVersion);
    return Response.accepted(ConsentJson.submission(submission)).build();
  }

  static void checkRequestId(String requestId) {
    if (requestId.length() > 36) {
      throw new DomainException(Violation.of(ErrorCode.H198, "requestId", requestId));
    }
    if (requestId.chars().allMatch(Character::isLetter)) {
      throw new DomainException(Violation.of(ErrorCode.H199, "requestId", requestId));
    }
    if (requestId.chars().allMatch(Character::isDigit)) {
      throw new DomainException(Violation.of(ErrorCode.H400, "requestId", requestId));
    }
  }

  private static ConsentKey key(int brandCode, InputStream body, Long length) {
    Map<String, Object> request = StrictJson.object(StrictJson.read(body, length), ErrorCode.H097);
    return ConsentQueryReader.key(brandCode, request);
  }

  private static ConsentQueries.Cursor cursor(String after) {
    if (after == null) {
      return null;
    }
    Matcher matcher = CURSOR.matcher(after);
    if (!matcher.matches()) {
      throw new DomainException(Violation.of(ErrorCode.IYS003, "after", after));
    }
    return new ConsentQueries.Cursor(
        Instant.ofEpochSecond(Long.parseLong(matcher.group(1))), matcher.group(2));
  }

  private static ConsentQueries.Origin origin(String source) {
    if (source == null) {
      return ConsentQueries.Origin.IYS;
    }
    return switch (source) {
      case "HS" -> ConsentQueries.Origin.HS;
      case "IYS" -> ConsentQueries.Origin.IYS;
      default -> throw new DomainException(Violation.of(ErrorCode.H506, "source", source));
    };
  }

  private static int changesLimit(String text) {
    if (text == null) {
      return MAX_CHANGES;
    }
    Integer limit = wholeNumber(text);
    if (limit == null || limit < 1 || limit > MAX_CHANGES) {
      throw new DomainException(
          Violation.of(ErrorCode.H507, "limit", text)
              .withMessage("The limit must be a whole number from 1 to " + MAX_CHANGES + "."));
    }
    return limit;
  }

  private static int historyLimit(String text) {
    if (text == null) {
      return MAX_HISTORY_PAGE;
    }
    Integer limit = wholeNumber(text);
    if (limit == null || limit < 0) {
      throw new DomainException(
          Violation.of(ErrorCode.H182, "limit", text)
              .withMessage("The limit must be a whole number from 1 to " + MAX_HISTORY_PAGE + "."));
    }
    if (limit == 0) {
      throw new DomainException(Violation.of(ErrorCode.H187, "limit", text));
    }
    if (limit > MAX_HISTORY_PAGE) {
      throw new DomainException(Violation.of(ErrorCode.H186, "limit", text));
    }
    return limit;
  }

  private static int offset(String text) {
    if (text == null) {
      return 0;
    }
    Integer offset = wholeNumber(text);
    if (offset == null || offset < 0) {
      throw new DomainException(Violation.of(ErrorCode.H183, "offset", text));
    }
    return offset;
  }

  private static Integer wholeNumber(String text) {
    if (!text.matches("-?[0-9]{1,9}")) {
      return null;
    }
    return Integer.valueOf(text);
  }
}
