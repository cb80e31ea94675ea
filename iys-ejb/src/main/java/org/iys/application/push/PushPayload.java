package org.iys.application.push;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.infrastructure.persistence.JdbcPushRepository.Movement;

/**
 * The body a push address receives: {@code {"list":[movement…]}}, each movement with the fields of
 * the changes pull and dates in Turkey time as {@code yyyy-MM-dd HH:mm:ss}.
 */
final class PushPayload {

  private static final DateTimeFormatter TURKEY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(BusinessCalendar.TURKEY);

  private PushPayload() {}

  static String of(List<Movement> movements) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Movement m : movements) {
      JsonObjectBuilder item =
          Json.createObjectBuilder().add("iysCode", m.iysCode()).add("brandCode", m.brandCode());
      if (m.consentDate() != null) {
        item.add("consentDate", turkey(m.consentDate()));
      }
      item.add("creationDate", turkey(m.creationDate()))
          .add("source", m.source())
          .add("recipient", m.recipient())
          .add("recipientType", m.recipientType())
          .add("status", m.status())
          .add("type", m.type())
          .add("transactionId", m.transactionId());
      list.add(item);
    }
    return Json.createObjectBuilder().add("list", list).build().toString();
  }

  /**
   * What a new connection receives once it is made, so the business sees the format at once. The
   * values are fixed and name no real person.
   */
  static String sample(int iysCode, int brandCode, String type) {
    String recipient = "EPOSTA".equals(type) ? "push-sample@example.com" : "+905000000000";
    LocalDateTime when = LocalDateTime.of(2015, 5, 1, 12, 0);
    return of(
        List.of(
            new Movement(
                iysCode,
                brandCode,
                when,
                when,
                "IYS_MOBIL",
                recipient,
                "BIREYSEL",
                "ONAY",
                type,
                "0".repeat(64))));
  }

  private static String turkey(LocalDateTime utc) {
    return TURKEY_TIME.format(utc.toInstant(ZoneOffset.UTC));
  }
}
