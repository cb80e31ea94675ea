package org.iys.application.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The rules a complaint's fields obey wherever it enters, and how its identity is fixed: the
 * idempotency key (given, or derived from what identifies the unwanted message) and the complaint
 * number derived from the key, so a resend of the same complaint answers with the same number.
 */
final class ComplaintForm {

  static final int MAX_TEXT = 2000;

  static final int MAX_SENDER_ID = 20;

  static final int MAX_KEY = 128;

  // A phone's clock may run a little ahead of ours.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private ComplaintForm() {}

  /**
   * @throws DomainException with every field fault found
   */
  static Complaint.Report report(ComplaintMessage message, Clock clock) {
    List<Violation> violations = new ArrayList<>();
    required(message.brand(), "brand", violations);
    required(message.channel(), "channel", violations);
    required(message.recipient(), "recipient", violations);
    required(message.receivedAt(), "receivedAt", violations);
    tooLong(message.messageText(), MAX_TEXT, "messageText", violations);
    tooLong(message.senderId(), MAX_SENDER_ID, "senderId", violations);
    tooLong(message.idempotencyKey(), MAX_KEY, "idempotencyKey", violations);
    tooLong(message.brand(), 250, "brand", violations);
    tooLong(message.recipient(), 265, "recipient", violations);
    Instant received = null;
    if (message.receivedAt() != null && !message.receivedAt().isBlank()) {
      received = instant(message.receivedAt());
      if (received == null || received.isAfter(clock.instant().plus(CLOCK_SKEW))) {
        violations.add(Violation.of(ErrorCode.IYS202, "receivedAt", message.receivedAt()));
      }
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new Complaint.Report(
        message.brand().strip(),
        message.channel().strip().toUpperCase(Locale.ROOT),
        message.recipient().strip(),
        received,
        message.messageText(),
        message.senderId());
  }

  /**
   * The further check of a complaint a person files: a wrong channel or an address that does not
   * fit it is answered at once, while they can still correct it. A queue message with the same
   * faults is accepted and judged INVALID instead, so the system that sent it has a verdict to
   * show.
   *
   * @throws DomainException IYS211 for an unknown channel, IYS212 for an address that does not fit
   */
  static void requireJudgeable(Complaint.Report report) {
    ConsentType channel;
    try {
      channel = ConsentType.valueOf(report.channel());
    } catch (IllegalArgumentException unknown) {
      throw new DomainException(Violation.of(ErrorCode.IYS211, "channel", report.channel()));
    }
    try {
      Recipient.forType(channel, report.recipient());
    } catch (DomainException mismatch) {
      throw new DomainException(Violation.of(ErrorCode.IYS212, "recipient", report.recipient()));
    }
  }

  static String idempotencyKey(ComplaintMessage message, Complaint.Report report) {
    if (message.idempotencyKey() != null && !message.idempotencyKey().isBlank()) {
      return message.idempotencyKey();
    }
    return sha256(
        String.join(
            "|",
            report.brand(),
            report.channel(),
            report.recipient().toLowerCase(Locale.ROOT),
            report.receivedAt().toString()));
  }

  /**
   * What identifies the unwanted message itself, whoever reports it and under whatever key: the
   * brand it was judged under, the channel, the recipient as normalised for that channel and the
   * arrival instant.
   */
  static String messageFingerprint(Complaint complaint) {
    var report = complaint.report();
    String recipient =
        Recipient.forType(ConsentType.valueOf(report.channel()), report.recipient()).address();
    return sha256(
        String.join(
            "|",
            String.valueOf(complaint.brandCode()),
            report.channel(),
            recipient.toLowerCase(Locale.ROOT),
            report.receivedAt().toString()));
  }

  /** Derived, so that the number answered at intake is the one the stored complaint carries. */
  static String numberFor(String idempotencyKey) {
    return "SK-" + sha256(idempotencyKey).substring(0, 20).toUpperCase(Locale.ROOT);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void required(String value, String field, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(Violation.of(ErrorCode.IYS201, field, value));
    }
  }

  private static void tooLong(String value, int max, String field, List<Violation> violations) {
    if (value != null && value.length() > max) {
      violations.add(
          Violation.of(ErrorCode.IYS203, field, null)
              .withMessage("The " + field + " may be at most " + max + " characters long."));
    }
  }

  private static String sha256(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
