package org.iys.web.rest.complaint;

import org.iys.application.complaint.ComplaintMessage;

/**
 * A complaint as a citizen files it: the brand code, the channel (MESAJ, ARAMA or EPOSTA), the
 * complainant's address, when the message arrived (ISO-8601 with offset), and optionally its text,
 * the sender id it showed and an idempotency key.
 */
public record ComplaintRequest(
    String brand,
    String channel,
    String recipient,
    String receivedAt,
    String messageText,
    String senderId,
    String idempotencyKey) {

  ComplaintMessage toMessage() {
    return new ComplaintMessage(
        null, idempotencyKey, brand, channel, recipient, receivedAt, messageText, senderId);
  }
}
