package org.iys.domain.retailer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentQueryReader;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * A request to give, replace or take away retailers' access to consents: which consents (one
 * recipient, or up to 100, of one recipient type and type) and which retailers (up to 100, each an
 * 8-digit code). A recipient or a retailer named twice counts once, as the reference's own example
 * repeats a recipient.
 *
 * @param retailerCodes empty for a request that names no retailers (remove all)
 */
public record RetailerAccessRequest(
    RecipientType recipientType,
    ConsentType type,
    List<Recipient> recipients,
    List<Integer> retailerCodes) {

  /** The most recipients and the most retailers one request may name. */
  public static final int MAX_ITEMS = 100;

  static final String TYPE = "type";
  static final String RECIPIENT_TYPE = "recipientType";
  static final String RECIPIENT = "recipient";
  static final String RECIPIENTS = "recipients";
  static final String RETAILER_ACCESS = "retailerAccess";

  public RetailerAccessRequest {
    recipients = List.copyOf(recipients);
    retailerCodes = List.copyOf(retailerCodes);
  }

  /**
   * The body naming one consent by {@code recipient} and the retailers to give access to it.
   *
   * @param notUnderstood the operation's code for a retailer code that is not an 8-digit number
   * @throws DomainException with every violation found
   */
  public static RetailerAccessRequest forOne(Map<String, ?> body, ErrorCode notUnderstood) {
    return read(body, false, true, notUnderstood);
  }

  /**
   * The body naming consents by {@code recipients}, with or without {@code retailerAccess}.
   *
   * @throws DomainException with every violation found
   */
  public static RetailerAccessRequest forMany(
      Map<String, ?> body, boolean withRetailers, ErrorCode notUnderstood) {
    return read(body, true, withRetailers, notUnderstood);
  }

  /** The keys of the consents the request names, for one brand. */
  public List<ConsentKey> keys(int brandCode) {
    return recipients.stream()
        .map(recipient -> new ConsentKey(brandCode, recipient, recipientType, type))
        .toList();
  }

  private static RetailerAccessRequest read(
      Map<String, ?> body, boolean many, boolean withRetailers, ErrorCode notUnderstood) {
    List<Violation> violations = new ArrayList<>();
    Set<String> fields =
        Set.of(TYPE, RECIPIENT_TYPE, many ? RECIPIENTS : RECIPIENT, RETAILER_ACCESS);
    body.keySet().stream()
        .filter(name -> !fields.contains(name) || (!withRetailers && RETAILER_ACCESS.equals(name)))
        .sorted()
        .forEach(
            name ->
                violations.add(
                    Violation.of(ErrorCode.H118, name, body.get(name))
                        .withMessage("This field is not part of the request.")));
    RecipientType recipientType =
        ConsentQueryReader.required(
            body, RECIPIENT_TYPE, RecipientType.class, ErrorCode.H170, ErrorCode.H116, violations);
    ConsentType type =
        ConsentQueryReader.required(
            body, TYPE, ConsentType.class, ErrorCode.H111, ErrorCode.H117, violations);
    List<Recipient> recipients =
        many ? recipients(body, type, violations) : oneRecipient(body, type, violations);
    List<Integer> retailers =
        withRetailers ? retailers(body, notUnderstood, violations) : List.of();
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new RetailerAccessRequest(recipientType, type, recipients, retailers);
  }

  private static List<Recipient> oneRecipient(
      Map<String, ?> body, ConsentType type, List<Violation> violations) {
    Object value = body.get(RECIPIENT);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H114, RECIPIENT, null));
      return List.of();
    }
    Recipient recipient = recipient(type, value, List.of(RECIPIENT), violations);
    return recipient == null ? List.of() : List.of(recipient);
  }

  private static List<Recipient> recipients(
      Map<String, ?> body, ConsentType type, List<Violation> violations) {
    Object value = body.get(RECIPIENTS);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H168, RECIPIENTS, null));
    } else if (!(value instanceof List<?> list)) {
      violations.add(Violation.of(ErrorCode.H478, RECIPIENTS, value));
    } else if (list.isEmpty()) {
      violations.add(Violation.of(ErrorCode.H164, RECIPIENTS, "[]"));
    } else if (list.size() > MAX_ITEMS) {
      violations.add(Violation.of(ErrorCode.H127, RECIPIENTS, list.size()));
    } else {
      Set<Recipient> read = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        Recipient recipient = recipient(type, list.get(i), List.of(RECIPIENTS, i), violations);
        if (recipient != null) {
          read.add(recipient);
        }
      }
      return List.copyOf(read);
    }
    return List.of();
  }

  private static Recipient recipient(
      ConsentType type, Object value, List<Object> location, List<Violation> violations) {
    String text = value instanceof String string ? string : "";
    try {
      return type == null ? Recipient.any(text) : Recipient.forType(type, text);
    } catch (DomainException e) {
      e.violations().forEach(v -> violations.add(v.withValue(value).withLocation(location)));
      return null;
    }
  }

  private static List<Integer> retailers(
      Map<String, ?> body, ErrorCode notUnderstood, List<Violation> violations) {
    Object value = body.get(RETAILER_ACCESS);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H169, RETAILER_ACCESS, null));
    } else if (!(value instanceof List<?> list)) {
      violations.add(Violation.of(notUnderstood, RETAILER_ACCESS, value));
    } else if (list.isEmpty()) {
      violations.add(Violation.of(ErrorCode.H163, RETAILER_ACCESS, "[]"));
    } else if (list.size() > MAX_ITEMS) {
      violations.add(Violation.of(ErrorCode.H126, RETAILER_ACCESS, list.size()));
    } else {
      Set<Integer> codes = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        Integer code = retailerCode(list.get(i));
        if (code == null) {
          violations.add(
              Violation.of(notUnderstood, RETAILER_ACCESS, list.get(i))
                  .withLocation(List.of(RETAILER_ACCESS, i))
                  .withMessage("A retailer is named by its 8-digit code, written as a number."));
        } else {
          codes.add(code);
        }
      }
      return List.copyOf(codes);
    }
    return List.of();
  }

  /** An 8-digit JSON integer, or null for anything else. */
  public static Integer retailerCode(Object value) {
    if (!(value instanceof BigDecimal number)) {
      return null;
    }
    try {
      int code = number.intValueExact();
      return code >= Retailer.SMALLEST_CODE && code <= Retailer.LARGEST_CODE ? code : null;
    } catch (ArithmeticException notAnInt) {
      return null;
    }
  }
}
