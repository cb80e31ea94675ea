package org.iys.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule, as the API reports it: the code, a message, where in the request it sits, the
 * offending value and, for a bulk list, the item's index.
 *
 * <p>The web layer writes each violation as one element of the {@code errors} array of the error
 * envelope; {@code value} and {@code index} are left out when null.
 *
 * @param location the path to the field, e.g. {@code ["recipient"]} or {@code ["retailerAccess",
 *     2]}; empty when the rule concerns the request as a whole
 */
public record Violation(
    ErrorCode code, String message, List<Object> location, String value, Integer index) {

  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    location = List.copyOf(location);
  }

  /** A violation of a field, with the code's own message. */
  public static Violation of(ErrorCode code, String field, Object value) {
    return new Violation(code, code.message(), List.of(field), render(value), null);
  }

  /** A violation of the request as a whole, with no field to point at. */
  public static Violation of(ErrorCode code) {
    return new Violation(code, code.message(), List.of(), null, null);
  }

  public Violation withMessage(String specificMessage) {
    return new Violation(code, specificMessage, location, value, index);
  }

  /** The same violation, reporting the value as the request sent it. */
  public Violation withValue(Object sentValue) {
    return new Violation(code, message, location, render(sentValue), index);
  }

  public Violation withLocation(List<Object> path) {
    return new Violation(code, message, path, value, index);
  }

  /** The same violation, found in the item at {@code itemIndex} of a bulk list. */
  public Violation atIndex(int itemIndex) {
    return new Violation(code, message, location, value, itemIndex);
  }

  public int httpStatus() {
    return code.httpStatus();
  }

  private static String render(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
