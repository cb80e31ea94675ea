package org.iys.domain.consent;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON lines into the plain values a JSON binding hands to the validator. */
final class JsonCases {

  private JsonCases() {}

  static List<Map<String, Object>> read(String resource) {
    try (InputStream in = JsonCases.class.getResourceAsStream(resource)) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Map<String, Object>> cases = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          cases.add(objectOf(line));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> objectOf(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return (Map<String, Object>) plain(reader.readValue());
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> plainObject(value.asJsonObject());
      case ARRAY -> plainArray(value.asJsonArray());
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static Map<String, Object> plainObject(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((name, value) -> map.put(name, plain(value)));
    return map;
  }

  private static List<Object> plainArray(JsonArray array) {
    List<Object> list = new ArrayList<>();
    array.forEach(value -> list.add(plain(value)));
    return list;
  }
}
