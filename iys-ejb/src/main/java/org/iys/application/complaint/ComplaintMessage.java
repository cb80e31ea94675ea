package org.iys.application.complaint;

/**
 * A complaint as it travels on the queue. External systems put the same JSON on the queue; a
 * missing idempotency key is derived from the complaint's content.
 */
public record ComplaintMessage(
    String complaintNumber,
    String idempotencyKey,
    String brand,
    String channel,
    String recipient,
    String receivedAt,
    String messageText) {

  public ComplaintMessage withNumber(String number) {
    return new ComplaintMessage(
        number, idempotencyKey, brand, channel, recipient, receivedAt, messageText);
  }
}
