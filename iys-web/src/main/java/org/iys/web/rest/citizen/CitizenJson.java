package org.iys.web.rest.citizen;

import java.util.Map;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** Reading the citizen API's small JSON bodies. */
final class CitizenJson {

  private CitizenJson() {}

  static String text(Map<String, Object> body, String field, ErrorCode missing) {
    Object value = body.get(field);
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    throw new DomainException(Violation.of(missing, field, value));
  }

  static String optionalText(Map<String, Object> body, String field, ErrorCode wrong) {
    return body.get(field) == null ? null : text(body, field, wrong);
  }

  static int brandCode(Map<String, Object> body) {
    String text = text(body, "brandCode", ErrorCode.IYS312);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new DomainException(Violation.of(ErrorCode.IYS312, "brandCode", text));
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String field, String text) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DomainException(Violation.of(ErrorCode.IYS312, field, text));
    }
  }
}
