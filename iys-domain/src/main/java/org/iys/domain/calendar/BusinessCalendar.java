package org.iys.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turkish business days: the days on which the law's deadlines run.
 *
 * <p>Two rules count in business days: a consent gathered outside the registry must be registered
 * within 3 business days, and a business must stop sending within 3 business days of a rejection.
 * Saturdays, Sundays and public holidays are not business days. Holidays are data, not code: they
 * are read from a holiday file (the bundled {@code turkish-holidays.txt}, or an external copy an
 * operator edits when the government announces a change), so a new year's religious holidays need
 * no release.
 *
 * <p>Half-day eves (the afternoons before the religious holidays and before Republic Day) are
 * listed in the file as {@code eve} and <b>count as business days</b>: businesses work on those
 * mornings, and counting them keeps deadlines from stretching, which protects recipients.
 *
 * <p>Every date is a date in Turkey (Europe/Istanbul); an instant is converted with that zone and
 * never with the JVM's default.
 */
public final class BusinessCalendar {

  /** The zone every registry date is read and written in. */
  public static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

  /** Where the bundled holiday file sits on the class path. */
  public static final String BUNDLED_HOLIDAYS = "/org/iys/domain/calendar/turkish-holidays.txt";

  private final Map<LocalDate, Holiday> days;

  private BusinessCalendar(Map<LocalDate, Holiday> days) {
    this.days = Map.copyOf(days);
  }

  /** The calendar with the holiday file shipped in this release. */
  public static BusinessCalendar bundled() {
    try (InputStream in = BusinessCalendar.class.getResourceAsStream(BUNDLED_HOLIDAYS)) {
      if (in == null) {
        throw new IllegalStateException("holiday file missing from the class path");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calendar from an operator's holiday file, in the same format as the bundled one. */
  public static BusinessCalendar fromFile(Path holidayFile) {
    try (Reader reader = Files.newBufferedReader(holidayFile, StandardCharsets.UTF_8)) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads holiday lines: {@code yyyy-MM-dd kind name}, where kind is {@code holiday} (a full day
   * off) or {@code eve} (a half day, still a business day); {@code #} starts a comment.
   *
   * @throws IllegalArgumentException naming the line number of the first malformed line, so a
   *     mistake in an edited file stops the start-up instead of shifting deadlines silently
   */
  public static BusinessCalendar read(Reader source) throws IOException {
    Map<LocalDate, Holiday> days = new TreeMap<>();
    BufferedReader lines = new BufferedReader(source);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String content = stripComment(line);
      if (!content.isEmpty()) {
        Holiday holiday = parseLine(content, number);
        days.merge(holiday.date(), holiday, BusinessCalendar::fuller);
      }
    }
    return new BusinessCalendar(days);
  }

  /** Whether deadlines count this day: a weekday that is not a full public holiday. */
  public boolean isBusinessDay(LocalDate date) {
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    Holiday holiday = days.get(date);
    return holiday == null || holiday.kind() == Holiday.Kind.EVE;
  }

  /** The {@code count}-th business day after {@code date} (not counting the date itself). */
  public LocalDate addBusinessDays(LocalDate date, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    LocalDate day = date;
    for (int counted = 0; counted < count; ) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The moment a period of {@code count} business days that starts at {@code start} runs out:
   * midnight in Turkey at the end of the {@code count}-th business day after the start's own day. A
   * consent given on Friday with 3 days to register may be registered until the end of the
   * following Wednesday.
   */
  public Instant deadline(Instant start, int count) {
    LocalDate lastDay = addBusinessDays(start.atZone(TURKEY).toLocalDate(), count);
    return lastDay.plusDays(1).atStartOfDay(TURKEY).toInstant();
  }

  /**
   * Whether, at {@code now}, more than {@code count} business days have passed since {@code start}.
   */
  public boolean isOlderThanBusinessDays(Instant start, Instant now, int count) {
    return !now.isBefore(deadline(start, count));
  }

  /** The last year with any holiday in the file; deadlines after it count weekends only. */
  public int lastCoveredYear() {
    return days.keySet().stream().mapToInt(LocalDate::getYear).max().orElse(0);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return (hash < 0 ? line : line.substring(0, hash)).strip();
  }

  private static Holiday parseLine(String content, int number) {
    String[] parts = content.split("\\s+", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("holiday line " + number + ": expected date and kind");
    }
    try {
      LocalDate date = LocalDate.parse(parts[0]);
      Holiday.Kind kind = Holiday.Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
      return new Holiday(date, kind, parts.length == 3 ? parts[2] : "");
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("holiday line " + number + ": " + e.getMessage(), e);
    }
  }

  // A full holiday that falls on an eve (as Kurban Bayramı's eve on 23 April 2029) is a full day
  // off.
  private static Holiday fuller(Holiday one, Holiday other) {
    return one.kind() == Holiday.Kind.HOLIDAY ? one : other;
  }
}
