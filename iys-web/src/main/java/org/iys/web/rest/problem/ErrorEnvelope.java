package org.iys.web.rest.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.iys.domain.error.Violation;

/**
 * The error body every İYS client parses: {@code {"errors":[{"code","message","location",
 * "value","index"}]}}, with {@code value} and {@code index} left out when there is none.
 */
public final class ErrorEnvelope {

  private ErrorEnvelope() {}

  public static JsonObject of(List<Violation> violations) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    violations.forEach(v -> errors.add(error(v)));
    return Json.createObjectBuilder().add("errors", errors).build();
  }

  private static JsonObjectBuilder error(Violation violation) {
    JsonArrayBuilder location = Json.createArrayBuilder();
    for (Object step : violation.location()) {
      if (step instanceof Number number) {
        location.add(number.intValue());
      } else {
        location.add(String.valueOf(step));
      }
    }
    JsonObjectBuilder error =
        Json.createObjectBuilder()
            .add("code", violation.code().code())
            .add("message", violation.message())
            .add("location", location);
    if (violation.value() != null) {
      error.add("value", violation.value());
    }
    if (violation.index() != null) {
      error.add("index", violation.index());
    }
    return error;
  }
}
