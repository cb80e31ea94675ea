package org.iys.domain.consent;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The wire form of a consent date: exactly {@code yyyy-MM-dd HH:mm:ss}, Turkey's wall-clock time.
 *
 * <p>Inside iys a consent date is an {@link Instant}; this class converts at the edge, always with
 * the Europe/Istanbul zone and the root locale, whatever the JVM's defaults are.
 */
public final class ConsentDate {

  static final String FIELD = "consentDate";

  private static final Pattern SHAPE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  // Declared after the formatter they are parsed with: static fields initialise in order.

  /** Consents given before this moment are not accepted, except as {@code HS_2015}. */
  public static final Instant EARLIEST = parse("2015-05-01 00:00:00");

  /** The one date an {@code HS_2015} consent carries. */
  public static final Instant HS_2015_DATE = EARLIEST;

  private ConsentDate() {}

  /**
   * Reads a consent date.
   *
   * @throws DomainException H158 when the text is not shaped {@code yyyy-MM-dd HH:mm:ss} (a
   *     trailing space or an ISO {@code T} included), H157 when it is shaped so but names no real
   *     moment (month 15, 30 February, or a wall-clock time skipped by a daylight-saving change)
   */
  public static Instant parse(String text) {
    if (!SHAPE.matcher(text).matches()) {
      throw new DomainException(Violation.of(ErrorCode.H158, FIELD, text));
    }
    try {
      LocalDateTime local = LocalDateTime.parse(text, WIRE);
      if (BusinessCalendar.TURKEY.getRules().getValidOffsets(local).isEmpty()) {
        throw new DomainException(Violation.of(ErrorCode.H157, FIELD, text));
      }
      return local.atZone(BusinessCalendar.TURKEY).toInstant();
    } catch (DateTimeException e) {
      throw new DomainException(Violation.of(ErrorCode.H157, FIELD, text));
    }
  }

  /** Writes an instant as the wire form, in Turkey's time. */
  public static String format(Instant instant) {
    return WIRE.format(instant.atZone(BusinessCalendar.TURKEY));
  }
}
