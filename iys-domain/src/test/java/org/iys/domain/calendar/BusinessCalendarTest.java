package org.iys.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessCalendarTest {

  private final BusinessCalendar calendar = BusinessCalendar.bundled();

  @Test
  void weekendsAreNotBusinessDays() {
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-06-14"))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-06-15"))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-06-16"))).isTrue();
  }

  @Test
  void publicHolidaysAreNotBusinessDays() {
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-10-29"))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-06-06"))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-28"))).isFalse();
  }

  @Test
  void halfDayEvesStillCountAsBusinessDays() {
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-10-28"))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2025-06-05"))).isTrue();
  }

  @Test
  void aFullHolidayOnAnEveIsAFullHoliday() {
    assertThat(calendar.isBusinessDay(LocalDate.parse("2029-04-23"))).isFalse();
  }

  @Test
  void countingSkipsWeekendsAndHolidays() {
    // Thursday 5 June 2025 is the eve of Kurban Bayramı, which runs Friday 6 to Monday 9.
    assertThat(calendar.addBusinessDays(LocalDate.parse("2025-06-04"), 3))
        .isEqualTo(LocalDate.parse("2025-06-11"));
  }

  @Test
  void aConsentFromFridayMayBeRegisteredUntilTheEndOfWednesday() {
    Instant friday = Instant.parse("2025-06-13T06:00:00Z");
    assertThat(calendar.deadline(friday, 3)).isEqualTo(Instant.parse("2025-06-18T21:00:00Z"));
    assertThat(calendar.isOlderThanBusinessDays(friday, Instant.parse("2025-06-18T20:59:59Z"), 3))
        .isFalse();
    assertThat(calendar.isOlderThanBusinessDays(friday, Instant.parse("2025-06-18T21:00:00Z"), 3))
        .isTrue();
  }

  @Test
  void daysAreTurkeyDaysNotUtcDays() {
    // 22:30 UTC on Friday is already 01:30 on Saturday in Turkey: counting starts from Saturday.
    Instant saturdayInTurkey = Instant.parse("2025-06-13T22:30:00Z");
    assertThat(calendar.deadline(saturdayInTurkey, 3))
        .isEqualTo(Instant.parse("2025-06-18T21:00:00Z"));
    Instant fridayInTurkey = Instant.parse("2025-06-13T20:30:00Z");
    assertThat(calendar.deadline(fridayInTurkey, 3))
        .isEqualTo(Instant.parse("2025-06-18T21:00:00Z"));
    Instant thursdayInTurkey = Instant.parse("2025-06-12T20:30:00Z");
    assertThat(calendar.deadline(thursdayInTurkey, 3))
        .isEqualTo(Instant.parse("2025-06-17T21:00:00Z"));
  }

  @Test
  void theBundledFileCoversTheYearsUpTo2030() {
    assertThat(calendar.lastCoveredYear()).isGreaterThanOrEqualTo(2030);
  }

  @Test
  void anOperatorsFileReplacesTheBundledOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("holidays.txt");
    Files.writeString(
        file, "# an extra day off\n2025-06-16 holiday bridge day\n", StandardCharsets.UTF_8);
    BusinessCalendar edited = BusinessCalendar.fromFile(file);
    assertThat(edited.isBusinessDay(LocalDate.parse("2025-06-16"))).isFalse();
    assertThat(edited.isBusinessDay(LocalDate.parse("2025-10-29"))).isTrue();
  }

  @Test
  void aMalformedLineStopsLoadingWithItsLineNumber() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.read(new StringReader("2025-01-01 holiday\n2025-13-01 holiday\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> BusinessCalendar.read(new StringReader("2025-01-01 weekend\n")))
        .hasMessageContaining("line 1");
  }
}
