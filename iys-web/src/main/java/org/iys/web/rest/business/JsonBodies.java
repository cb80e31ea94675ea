package org.iys.web.rest.business;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Reads text fields from request bodies. A field sent as a number or object is handed on as its
 * JSON text, so the field's own rule refuses it with its own code and shows what was sent.
 */
final class JsonBodies {

  private JsonBodies() {}

  static JsonObject required(JsonObject body) {
    if (body == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS119));
    }
    return body;
  }

  static String text(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }
}
