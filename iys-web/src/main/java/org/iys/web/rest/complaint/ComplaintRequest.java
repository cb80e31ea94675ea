package org.iys.web.rest.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.application.complaint.ComplaintMessage;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * A complaint as a citizen files it: the brand (code or name), the channel (MESAJ, ARAMA or
 * EPOSTA), the complainant's address, when the message arrived (ISO-8601 with offset), and
 * optionally its text, the sender id it showed and an idempotency key.
 */
public record ComplaintRequest(
    String brand,
    String channel,
    String recipient,
    String receivedAt,
    String messageText,
    String senderId,
    String idempotencyKey) {

  static final Set<String> FIELDS =
      Set.of(
          "brand",
          "channel",
          "recipient",
          "receivedAt",
          "messageText",
          "senderId",
          "idempotencyKey");

  private static final String UNKNOWN_FIELD =
      "This field is not part of a complaint. Allowed fields: brand, channel, recipient,"
          + " receivedAt, messageText, senderId, idempotencyKey.";

  /**
   * Reads the body as the consent API reads its own: a field it does not know is refused (H118)
   * rather than silently dropped, since a misspelt optional field would otherwise go unnoticed, and
   * every field holds text.
   *
   * @throws DomainException with every fault found
   */
  static ComplaintRequest from(Map<String, Object> body) {
    List<Violation> violations = new ArrayList<>();
    body.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(
            name ->
                violations.add(
                    Violation.of(ErrorCode.H118, name, body.get(name)).withMessage(UNKNOWN_FIELD)));
    var request =
        new ComplaintRequest(
            text(body, "brand", violations),
            text(body, "channel", violations),
            text(body, "recipient", violations),
            text(body, "receivedAt", violations),
            text(body, "messageText", violations),
            text(body, "senderId", violations),
            text(body, "idempotencyKey", violations));
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return request;
  }

  ComplaintMessage toMessage() {
    return new ComplaintMessage(
        null, idempotencyKey, brand, channel, recipient, receivedAt, messageText, senderId);
  }

  private static String text(Map<String, Object> body, String field, List<Violation> violations) {
    Object value = body.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add(
        Violation.of(ErrorCode.IYS201, field, value)
            .withMessage("The " + field + " must be a JSON string."));
    return null;
  }
}
