package org.iys.application.reconciliation;

/**
 * One line of a business's own consent list, read: either a key with its status or the reason the
 * line could not be read.
 *
 * @param consentKey {@code recipientType|type|recipient}, the recipient as the registry stores it;
 *     null when the line was unreadable
 */
public record ListEntry(
    long lineNumber,
    String consentKey,
    String recipientType,
    String type,
    String recipient,
    String status,
    String problem) {

  public static ListEntry unreadable(long lineNumber, String shown, String problem) {
    return new ListEntry(lineNumber, null, null, null, shown, null, problem);
  }
}
