package org.iys.domain.reconciliation;

/**
 * The daily movement file's lines, exactly as they are hashed: UTF-8, LF line ends, the reference
 * columns in the reference order, an absent value as an empty field, and a field quoted only when
 * it holds a comma, a quote or a line break (RFC 4180).
 */
public final class DailyMovementCsv {

  public static final String HEADER =
      "creationDate,transactionId,recipient,recipientType,type,status,consentDate,source\n";

  private DailyMovementCsv() {}

  public static String line(
      String creationDate,
      String transactionId,
      String recipient,
      String recipientType,
      String type,
      String status,
      String consentDate,
      String source) {
    StringBuilder line = new StringBuilder(200);
    String[] fields = {
      creationDate, transactionId, recipient, recipientType, type, status, consentDate, source
    };
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields[i]));
    }
    return line.append('\n').toString();
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
