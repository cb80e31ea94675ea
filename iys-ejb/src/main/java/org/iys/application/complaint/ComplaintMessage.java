package org.iys.application.complaint;

/**
 * A complaint as it travels on the queue {@code iys.complaints}, as JSON (see {@code
 * docs/complaints-queue.md}). External systems put the same JSON on the queue. The brand is its
 * code or its name; {@code receivedAt} is an ISO-8601 date-time with offset. A missing idempotency
 * key is derived from brand, channel, address and time, and a missing complaint number from the
 * key.
 */
public record ComplaintMessage(
    String complaintNumber,
    String idempotencyKey,
    String brand,
    String channel,
    String recipient,
    String receivedAt,
    String messageText,
    String senderId) {

  public ComplaintMessage withIdentity(String number, String key) {
    return new ComplaintMessage(
        number, key, brand, channel, recipient, receivedAt, messageText, senderId);
  }
}
