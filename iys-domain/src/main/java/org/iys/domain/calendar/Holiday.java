package org.iys.domain.calendar;

/**
 * A day on the Turkish public holiday list: a full day off, or a half-day eve that still counts as
 * a business day.
 */
public record Holiday(java.time.LocalDate date, Kind kind, String name) {

  /** How much of the day is off. */
  public enum Kind {
    HOLIDAY,
    EVE
  }
}
