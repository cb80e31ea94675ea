package org.iys.web.rest.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.iys.domain.error.ErrorCode;

/**
 * Reads every {@link JsonObject} request body through {@link StrictJson}, so that endpoints taking
 * a JSON object get the same answers as the consent API for a body that is too large, malformed,
 * repeats a field or nests absurdly deep, and a clear 422 when the body is valid JSON but not an
 * object, instead of the binder failing inside the server.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonObjectReader implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    Map<String, Object> fields =
        StrictJson.object(StrictJson.read(body, declaredLength(headers)), ErrorCode.IYS119);
    return Json.createObjectBuilder(fields).build();
  }

  private static Long declaredLength(MultivaluedMap<String, String> headers) {
    String length = headers.getFirst("Content-Length");
    try {
      return length == null ? null : Long.valueOf(length.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
