package org.iys.web.rest.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iys.application.sending.SendingCheck;
import org.iys.application.sending.Verdict;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * The check before sending, for one address or for a whole list (a campaign, or a carrier filtering
 * traffic). Bodies are read and written with the streaming JSON API: the single check is on every
 * campaign's hot path, and a bulk answer for 100,000 addresses is written as it is found.
 */
@ApplicationScoped
@Path("sps/{iysCode}/brands/{brandCode}/sending-check")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SendingCheckResource {

  private static final DateTimeFormatter TURKEY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(BusinessCalendar.TURKEY);

  private static final String ALLOWED = "{\"allowed\":true}";

  // Json.createParser and friends look the provider up through the service loader on every call,
  // which scans the application's jars; the factories are made once.
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  @Inject private BusinessCaller caller;

  @Inject private SendingCheck check;

  /** {@code {"type","recipient","recipientType"}} to {@code {"allowed","reason","stopBy"}}. */
  @POST
  public String checkOne(
      @PathParam("iysCode") int iysCode, @PathParam("brandCode") int brandCode, InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    Request request = read(body, false);

    Verdict verdict =
        check.check(brandCode, request.type(), request.recipientType(), request.recipient);

    if (verdict.reason() == Verdict.Reason.INVALID_RECIPIENT) {
      throw new DomainException(
          Violation.of(verdict.invalidCode(), "recipient", request.recipient));
    }
    return verdict.isAllowed() ? ALLOWED : refusal(verdict);
  }

  /**
   * {@code {"type","recipientType","recipients":[…]}} to {@code
   * {"checked":n,"refused":[{"recipient", "reason","stopBy"?,"code"?}]}}: only the addresses that
   * may not be messaged are named.
   */
  @POST
  @Path("bulk")
  public Response checkMany(
      @PathParam("iysCode") int iysCode, @PathParam("brandCode") int brandCode, InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    Request request = read(body, true);
    if (request.recipients.size() > SendingCheck.MAX_RECIPIENTS) {
      throw new DomainException(
          Violation.of(ErrorCode.IYS040, "recipients", request.recipients.size()));
    }

    StreamingOutput answer =
        out -> {
          try (JsonGenerator json =
              GENERATORS.createGenerator(new BufferedOutputStream(out, 1 << 16))) {
            json.writeStartObject().write("checked", request.recipients.size());
            json.writeStartArray("refused");
            check.checkAll(
                brandCode,
                request.type(),
                request.recipientType(),
                request.recipients,
                verdict -> writeRefusal(json, verdict));
            json.writeEnd().writeEnd();
          }
        };
    return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String refusal(Verdict verdict) {
    StringBuilder json =
        new StringBuilder(80).append("{\"allowed\":false,\"reason\":\"").append(verdict.reason());
    if (verdict.stopBy() != null) {
      json.append("\",\"stopBy\":\"").append(TURKEY_TIME.format(verdict.stopBy()));
    }
    return json.append("\"}").toString();
  }

  private static void writeRefusal(JsonGenerator json, Verdict verdict) {
    json.writeStartObject()
        .write("recipient", verdict.recipient())
        .write("reason", verdict.reason().name());
    if (verdict.stopBy() != null) {
      json.write("stopBy", TURKEY_TIME.format(verdict.stopBy()));
    }
    if (verdict.invalidCode() != null) {
      json.write("code", verdict.invalidCode().code());
    }
    json.writeEnd();
  }

  private static Request read(InputStream body, boolean bulk) {
    Request request = new Request();
    try (JsonParser json = PARSERS.createParser(StrictJson.utf8(body))) {
      if (!json.hasNext()) {
        throw malformed();
      }
      if (json.next() != JsonParser.Event.START_OBJECT) {
        throw new DomainException(Violation.of(ErrorCode.IYS119));
      }
      while (json.next() == JsonParser.Event.KEY_NAME) {
        String field = json.getString();
        JsonParser.Event value = json.next();
        switch (field) {
          case "type" -> request.typeText = text(json, field, value);
          case "recipientType" -> request.recipientTypeText = text(json, field, value);
          case "recipient" -> request.recipient = text(json, field, value);
          case "recipients" -> request.recipients = list(json, value);
          default -> skip(json, value);
        }
      }
    } catch (JsonException | java.util.NoSuchElementException e) {
      throw StrictJson.notUtf8(e) ? StrictJson.notUtf8() : malformed();
    }
    request.validate(bulk);
    return request;
  }

  private static String text(JsonParser json, String field, JsonParser.Event value) {
    return switch (value) {
      case VALUE_STRING, VALUE_NUMBER -> json.getString();
      case VALUE_NULL -> null;
      default -> throw wrongType(field, "a string");
    };
  }

  private static List<String> list(JsonParser json, JsonParser.Event value) {
    if (value != JsonParser.Event.START_ARRAY) {
      throw wrongType("recipients", "a list of strings");
    }
    List<String> recipients = new ArrayList<>();
    for (JsonParser.Event item = json.next();
        item != JsonParser.Event.END_ARRAY;
        item = json.next()) {
      if (item != JsonParser.Event.VALUE_STRING) {
        throw new DomainException(
            Violation.of(ErrorCode.H114)
                .withMessage("Each recipient must be a string.")
                .withLocation(List.of("recipients", recipients.size())));
      }
      recipients.add(json.getString());
    }
    return recipients;
  }

  // The field's own "missing" code: a value of the wrong JSON type gives the field nothing usable.
  private static DomainException wrongType(String field, String expected) {
    ErrorCode code =
        switch (field) {
          case "type" -> ErrorCode.H117;
          case "recipientType" -> ErrorCode.H116;
          default -> ErrorCode.H114;
        };
    return new DomainException(
        Violation.of(code, field, null)
            .withMessage("The field " + field + " must be " + expected + "."));
  }

  private static void skip(JsonParser json, JsonParser.Event value) {
    if (value == JsonParser.Event.START_OBJECT) {
      json.skipObject();
    } else if (value == JsonParser.Event.START_ARRAY) {
      json.skipArray();
    }
  }

  private static DomainException malformed() {
    return new DomainException(Violation.of(ErrorCode.H014));
  }

  /** The fields of either request, checked with the registry's codes. */
  private static final class Request {
    private String typeText;
    private String recipientTypeText;
    private String recipient;
    private List<String> recipients;
    private ConsentType type;
    private RecipientType recipientType = RecipientType.BIREYSEL;

    void validate(boolean bulk) {
      List<Violation> violations = new ArrayList<>();
      if (typeText == null) {
        violations.add(Violation.of(ErrorCode.H111, "type", null));
      } else {
        try {
          type = ConsentType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
          violations.add(Violation.of(ErrorCode.H117, "type", typeText));
        }
      }
      if (recipientTypeText != null) {
        try {
          recipientType = RecipientType.valueOf(recipientTypeText);
        } catch (IllegalArgumentException e) {
          violations.add(Violation.of(ErrorCode.H116, "recipientType", recipientTypeText));
        }
      }
      if (bulk && recipients == null) {
        violations.add(Violation.of(ErrorCode.H114, "recipients", null));
      }
      if (!bulk && recipient == null) {
        violations.add(Violation.of(ErrorCode.H114, "recipient", null));
      }
      if (!violations.isEmpty()) {
        throw new DomainException(violations);
      }
    }

    ConsentType type() {
      return type;
    }

    RecipientType recipientType() {
      return recipientType;
    }
  }
}
