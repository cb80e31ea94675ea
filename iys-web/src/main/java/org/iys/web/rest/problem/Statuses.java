package org.iys.web.rest.problem;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * HTTP statuses with the reason phrases RFC 9110 and RFC 6585 give them. The server's own table
 * lacks some that the İYS answers use (422, 429) and would put {@code CUSTOM} on their status line.
 */
public final class Statuses {

  /** Seconds a client is told to wait when a refusal does not know how long its limit lasts. */
  public static final long DEFAULT_RETRY_AFTER_SECONDS = 3600;

  private static final Map<Integer, String> MISSING_FROM_SERVER =
      Map.of(422, "Unprocessable Entity", 429, "Too Many Requests");

  private Statuses() {}

  /** The reason phrase for {@code code}, or null when neither table knows it. */
  public static String reasonPhrase(int code) {
    String phrase = MISSING_FROM_SERVER.get(code);
    if (phrase != null) {
      return phrase;
    }
    Response.Status known = Response.Status.fromStatusCode(code);
    return known == null ? null : known.getReasonPhrase();
  }

  /** True for the statuses whose reason phrase the server must be handed explicitly. */
  static boolean missingFromServer(int code) {
    return MISSING_FROM_SERVER.containsKey(code);
  }

  /** {@code code} as a JAX-RS status carrying its reason phrase. */
  public static Response.StatusType of(int code) {
    Response.Status known = Response.Status.fromStatusCode(code);
    if (known != null && !missingFromServer(code)) {
      return known;
    }
    String phrase = reasonPhrase(code);
    return new Response.StatusType() {
      @Override
      public int getStatusCode() {
        return code;
      }

      @Override
      public Response.Status.Family getFamily() {
        return Response.Status.Family.familyOf(code);
      }

      @Override
      public String getReasonPhrase() {
        return phrase == null ? "" : phrase;
      }
    };
  }
}
