package org.iys.domain.consent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Reads the questions a business asks about its consents: which key (status and history of one
 * address) and which addresses (status of many). Addresses are judged by {@link Recipient} exactly
 * as when a consent is added, so a query finds what an add stored, whatever casing it is sent in.
 */
public final class ConsentQueryReader {

  /** The most addresses one status query may name, as many as one bulk add may carry. */
  public static final int MAX_RECIPIENTS = ConsentRequestValidator.MAX_BULK_SIZE;

  private static final Set<String> KEY_FIELDS =
      Set.of(
          ConsentRequestReading.RECIPIENT,
          ConsentRequestReading.RECIPIENT_TYPE,
          ConsentRequestReading.TYPE);
  private static final String RECIPIENTS = "recipients";

  private ConsentQueryReader() {}

  /**
   * The key a status or history query names; unlike an add, a query names its recipient type.
   *
   * @throws DomainException with every violation (H118, H114, H170, H111, H116, H117, H120, H121,
   *     H160, H464)
   */
  public static ConsentKey key(int brandCode, Map<String, ?> body) {
    List<Violation> violations = new ArrayList<>();
    body.keySet().stream()
        .filter(name -> !KEY_FIELDS.contains(name))
        .sorted()
        .forEach(name -> violations.add(Violation.of(ErrorCode.H118, name, body.get(name))));
    RecipientType recipientType =
        required(
            body,
            ConsentRequestReading.RECIPIENT_TYPE,
            RecipientType.class,
            ErrorCode.H170,
            ErrorCode.H116,
            violations);
    ConsentType type =
        required(
            body,
            ConsentRequestReading.TYPE,
            ConsentType.class,
            ErrorCode.H111,
            ErrorCode.H117,
            violations);
    Recipient recipient = null;
    Object address = body.get(ConsentRequestReading.RECIPIENT);
    if (address == null) {
      violations.add(Violation.of(ErrorCode.H114, ConsentRequestReading.RECIPIENT, null));
    } else {
      recipient =
          recipientOrReport(type, address, List.of(ConsentRequestReading.RECIPIENT), violations);
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new ConsentKey(brandCode, recipient, recipientType, type);
  }

  /**
   * @throws DomainException H116 for anything but BIREYSEL or TACIR, spelled exactly
   */
  public static RecipientType recipientType(String text) {
    return constant(
        RecipientType.class, text, ErrorCode.H116, ConsentRequestReading.RECIPIENT_TYPE);
  }

  /**
   * @throws DomainException H117 for anything but MESAJ, ARAMA or EPOSTA, spelled exactly
   */
  public static ConsentType type(String text) {
    return constant(ConsentType.class, text, ErrorCode.H117, ConsentRequestReading.TYPE);
  }

  /**
   * The addresses of a status query of many, in the order sent.
   *
   * @throws DomainException H168 when missing, H478 when not a list, H164 when empty, IYS004 when
   *     over 1000, H193 on a repeated address, and the address codes for each bad one (located at
   *     {@code ["recipients", i]})
   */
  public static List<Recipient> recipients(ConsentType type, Map<String, ?> body) {
    List<Violation> violations = new ArrayList<>();
    body.keySet().stream()
        .filter(name -> !RECIPIENTS.equals(name))
        .sorted()
        .forEach(name -> violations.add(Violation.of(ErrorCode.H118, name, body.get(name))));
    Object value = body.get(RECIPIENTS);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H168, RECIPIENTS, null));
    } else if (!(value instanceof List<?> list)) {
      violations.add(Violation.of(ErrorCode.H478, RECIPIENTS, value));
    } else if (list.isEmpty()) {
      violations.add(Violation.of(ErrorCode.H164, RECIPIENTS, "[]"));
    } else if (list.size() > MAX_RECIPIENTS) {
      violations.add(Violation.of(ErrorCode.IYS004, RECIPIENTS, list.size()));
    } else {
      List<Recipient> read = new ArrayList<>();
      Set<Recipient> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        Recipient recipient =
            recipientOrReport(type, list.get(i), List.of(RECIPIENTS, i), violations);
        if (recipient != null && !seen.add(recipient)) {
          violations.add(
              Violation.of(ErrorCode.H193, RECIPIENTS, list.get(i))
                  .withLocation(List.of(RECIPIENTS, i)));
        }
        read.add(recipient);
      }
      if (violations.isEmpty()) {
        return read;
      }
    }
    throw new DomainException(violations);
  }

  private static Recipient recipientOrReport(
      ConsentType type, Object value, List<Object> location, List<Violation> violations) {
    String text = value instanceof String string ? string : "";
    try {
      return type == null ? Recipient.any(text) : Recipient.forType(type, text);
    } catch (DomainException e) {
      e.violations().forEach(v -> violations.add(v.withValue(value).withLocation(location)));
      return null;
    }
  }

  /**
   * The enum constant a body's field names exactly; a missing field or an unknown name is added to
   * {@code violations} with the given code, and null returned, so that every field is still read.
   */
  public static <E extends Enum<E>> E required(
      Map<String, ?> body,
      String field,
      Class<E> kind,
      ErrorCode missing,
      ErrorCode wrong,
      List<Violation> violations) {
    Object value = body.get(field);
    if (value == null) {
      violations.add(Violation.of(missing, field, null));
      return null;
    }
    try {
      return constant(kind, value, wrong, field);
    } catch (DomainException e) {
      violations.addAll(e.violations());
      return null;
    }
  }

  private static <E extends Enum<E>> E constant(
      Class<E> kind, Object value, ErrorCode wrong, String field) {
    return Arrays.stream(kind.getEnumConstants())
        .filter(constant -> constant.name().equals(value))
        .findFirst()
        .orElseThrow(() -> new DomainException(Violation.of(wrong, field, value)));
  }
}
