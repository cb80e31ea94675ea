package org.iys.domain.retailer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.business.TaxNumber;
import org.iys.domain.consent.Recipient;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Reads the body that creates a retailer. Every fault is reported at once, with the reference's
 * codes: a required field missing (H214 to H222, H288), a malformed identity, tax or MERSIS number
 * (H225 to H228, H243, H244), a bad mobile number (H224) or status (H201), a text over its length
 * (H017) and a field the request may not carry (H016).
 */
public final class RetailerForm {

  static final int MAX_TEXT = 255;
  static final int MAX_PLACE = 100;

  private static final Set<String> FIELDS =
      Set.of("title", "mersis", "alias", "name", "tckn", "mobile", "tin", "city", "town", "status");

  private final Map<String, ?> body;
  private final List<Violation> violations = new ArrayList<>();

  private RetailerForm(Map<String, ?> body) {
    this.body = body;
  }

  /**
   * @throws DomainException with every violation found
   */
  public static RetailerDetails read(Map<String, ?> body) {
    return new RetailerForm(body).details();
  }

  private RetailerDetails details() {
    body.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(name -> violations.add(Violation.of(ErrorCode.H016, name, body.get(name))));
    String title = requiredText("title", ErrorCode.H214);
    String name = requiredText("name", ErrorCode.H215);
    String alias = optionalText("alias");
    String tckn = tckn();
    String tin = tin();
    String mersis = mersis();
    String mobile = mobile();
    Place city = place("city", ErrorCode.H217, ErrorCode.H218, ErrorCode.H219);
    Place town = place("town", ErrorCode.H220, ErrorCode.H221, ErrorCode.H222);
    RetailerStatus status = status();
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new RetailerDetails(title, mersis, alias, name, tckn, mobile, tin, city, town, status);
  }

  private String requiredText(String field, ErrorCode missing) {
    Object value = body.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      violations.add(Violation.of(missing, field, value));
      return null;
    }
    return bounded(field, text.strip(), MAX_TEXT);
  }

  private String optionalText(String field) {
    Object value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      violations.add(Violation.of(ErrorCode.H016, field, value));
      return null;
    }
    return bounded(field, text.strip(), MAX_TEXT);
  }

  private String bounded(String field, String text, int max) {
    if (text.length() > max) {
      violations.add(
          Violation.of(ErrorCode.H017, field, text)
              .withMessage("The field " + field + " may be at most " + max + " characters."));
      return null;
    }
    return text;
  }

  private String tckn() {
    Object value = body.get("tckn");
    if (value == null || "".equals(value)) {
      violations.add(Violation.of(ErrorCode.H216, "tckn", value));
      return null;
    }
    String digits = digits(value);
    if (digits == null) {
      violations.add(Violation.of(ErrorCode.H225, "tckn", value));
    } else if (digits.length() != 11) {
      violations.add(Violation.of(ErrorCode.H226, "tckn", value));
    } else if (!TaxNumber.isValid(digits)) {
      violations.add(Violation.of(ErrorCode.H225, "tckn", value));
    } else {
      return digits;
    }
    return null;
  }

  private String tin() {
    Object value = body.get("tin");
    if (value == null || "".equals(value)) {
      violations.add(Violation.of(ErrorCode.H288, "tin", value));
      return null;
    }
    String digits = digits(value);
    if (digits == null) {
      violations.add(Violation.of(ErrorCode.H243, "tin", value));
    } else if (digits.length() != 10 && digits.length() != 11) {
      violations.add(Violation.of(ErrorCode.H244, "tin", value));
    } else if (!TaxNumber.isValid(digits)) {
      violations.add(Violation.of(ErrorCode.H243, "tin", value));
    } else {
      return digits;
    }
    return null;
  }

  private String mersis() {
    Object value = body.get("mersis");
    if (value == null) {
      return null;
    }
    String digits = digits(value);
    if (digits == null) {
      violations.add(Violation.of(ErrorCode.H227, "mersis", value));
    } else if (digits.length() != 16) {
      violations.add(Violation.of(ErrorCode.H228, "mersis", value));
    } else {
      return digits;
    }
    return null;
  }

  private String mobile() {
    Object value = body.get("mobile");
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      try {
        return Recipient.phone(text).address();
      } catch (DomainException notAPhone) {
        // reported below under the retailer's own code
      }
    }
    violations.add(Violation.of(ErrorCode.H224, "mobile", value));
    return null;
  }

  private Place place(String field, ErrorCode missing, ErrorCode noCode, ErrorCode noName) {
    Object value = body.get(field);
    if (!(value instanceof Map<?, ?> place)) {
      violations.add(Violation.of(missing, field, value));
      return null;
    }
    place.keySet().stream()
        .filter(key -> !"code".equals(key) && !"name".equals(key))
        .map(String::valueOf)
        .sorted()
        .forEach(
            key ->
                violations.add(
                    Violation.of(ErrorCode.H016, field, place.get(key))
                        .withLocation(List.of(field, key))));
    String code = placePart(field, "code", place.get("code"), noCode);
    String name = placePart(field, "name", place.get("name"), noName);
    return code == null || name == null ? null : new Place(code, name);
  }

  private String placePart(String field, String part, Object value, ErrorCode missing) {
    String text = value instanceof BigDecimal number ? number.toPlainString() : null;
    if (value instanceof String string && !string.isBlank()) {
      text = string.strip();
    }
    if (text == null) {
      violations.add(Violation.of(missing, field, value).withLocation(List.of(field, part)));
      return null;
    }
    if (text.length() > MAX_PLACE) {
      violations.add(
          Violation.of(ErrorCode.H017, field, value)
              .withLocation(List.of(field, part))
              .withMessage("The " + field + " " + part + " may be at most 100 characters."));
      return null;
    }
    return text;
  }

  private RetailerStatus status() {
    Object value = body.get("status");
    if (value == null) {
      return RetailerStatus.ACTIVE;
    }
    return RetailerStatus.fromWire(value)
        .orElseGet(
            () -> {
              violations.add(Violation.of(ErrorCode.H201, "status", value));
              return null;
            });
  }

  // Numbers arrive as text or as JSON numbers (the reference's own example sends MERSIS as one).
  private static String digits(Object value) {
    String text = null;
    if (value instanceof String string) {
      text = string;
    } else if (value instanceof BigDecimal number && number.scale() <= 0 && number.signum() > 0) {
      text = number.toPlainString();
    }
    return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')
        ? text
        : null;
  }
}
