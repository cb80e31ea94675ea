package org.iys.web.rest.push;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iys.application.push.PushRegistrations;
import org.iys.application.push.PushRegistrations.Connection;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;
import org.iys.web.rest.security.BusinessCaller;

/**
 * Push connections as the national API shapes them: register with {@code {"connection":[{url, type,
 * username, password}]}}, list, and unregister one with {@code {url, type, username, password}}.
 */
@Path("sps/{iysCode}/brands/{brandCode}/push")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PushRegistrationResource {

  private static final DateTimeFormatter TURKEY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(BusinessCalendar.TURKEY);

  @Inject private BusinessCaller caller;

  @Inject private PushRegistrations registrations;

  @POST
  @Path("registration")
  public JsonObject register(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);
    JsonObject request = read(body, length);
    JsonValue list = request.get("connection");
    if (!(list instanceof JsonArray array) || array.isEmpty()) {
      throw malformed("The connection field must be a non-empty list of connection objects.");
    }
    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject connection)) {
        throw new DomainException(
            Violation.of(ErrorCode.H014)
                .withMessage("Each item of the connection list must be a JSON object.")
                .withLocation(List.of("connection", i)));
      }
      connections.add(connection(connection));
    }

    registrations.register(iysCode, brandCode, connections);

    return message("Connection created.");
  }

  @GET
  @Path("registration")
  public JsonArray list(@PathParam("iysCode") int iysCode, @PathParam("brandCode") int brandCode) {
    caller.requireBrand(iysCode, brandCode);
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (var listed : registrations.list(brandCode)) {
      list.add(
          Json.createObjectBuilder()
              .add("url", listed.url())
              .add("type", listed.type())
              .add("status", listed.status())
              .add("registerTime", TURKEY_TIME.format(listed.registerTime())));
    }
    return list.build();
  }

  @POST
  @Path("unregistration")
  public JsonObject unregister(
      @PathParam("iysCode") int iysCode,
      @PathParam("brandCode") int brandCode,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    caller.requireBrand(iysCode, brandCode);

    registrations.unregister(iysCode, brandCode, connection(read(body, length)));

    return message("Connection removed.");
  }

  private static Connection connection(JsonObject json) {
    return new Connection(
        text(json, "url"), text(json, "type"), text(json, "username"), text(json, "password"));
  }

  private static String text(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new DomainException(
        Violation.of(ErrorCode.H014)
            .withMessage("The field " + field + " must be a string.")
            .withLocation(List.of(field))
            .withValue(value.toString()));
  }

  // The reference answers H014 for any body it cannot take as the request, so a body of the wrong
  // shape gets that code too, with a message that says what was expected.
  private static JsonObject read(InputStream body, Long length) {
    Object value = StrictJson.read(body, length);
    if (!(value instanceof Map<?, ?>)) {
      throw malformed("The request body must be a JSON object.");
    }
    return Json.createObjectBuilder(StrictJson.object(value, ErrorCode.H014)).build();
  }

  private static JsonObject message(String text) {
    return Json.createObjectBuilder().add("message", text).build();
  }

  private static DomainException malformed(String message) {
    return new DomainException(Violation.of(ErrorCode.H014).withMessage(message));
  }
}
