package org.iys.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentDateTest {

  @Test
  void aConsentDateIsTurkeyTimeWhateverTheJvmZone() {
    assertThat(ConsentDate.parse("2025-06-18 13:00:00"))
        .isEqualTo(Instant.parse("2025-06-18T10:00:00Z"));
  }

  @Test
  void writingIsTheInverseOfReading() {
    assertThat(ConsentDate.format(Instant.parse("2025-12-31T21:30:00Z")))
        .isEqualTo("2026-01-01 00:30:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-06-18 10:20:30 ",
        "2025-06-18T10:20:30Z",
        "2025-6-18 10:20:30",
        "18.06.2025 10:20:30",
        "2025-06-18 10:20",
        "２０２５-06-18 10:20:30"
      })
  void anythingButTheExactShapeIsAFormatError(String text) {
    assertRefused(text, ErrorCode.H158);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-15-01 13:35:00", "2025-02-29 10:00:00", "2025-06-18 24:00:00"})
  void aWellShapedButImpossibleDateIsADateError(String text) {
    assertRefused(text, ErrorCode.H157);
  }

  @Test
  void aWallClockTimeSkippedByDaylightSavingIsImpossible() {
    // Turkey still moved its clocks in 2016: 27 March went from 03:00 straight to 04:00.
    assertRefused("2016-03-27 03:30:00", ErrorCode.H157);
  }

  private static void assertRefused(String text, ErrorCode code) {
    assertThatThrownBy(() -> ConsentDate.parse(text))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.violations()).extracting(v -> v.code()).containsExactly(code));
  }
}
