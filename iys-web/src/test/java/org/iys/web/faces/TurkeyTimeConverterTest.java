package org.iys.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TurkeyTimeConverterTest {

  private final TurkeyTimeConverter converter = new TurkeyTimeConverter();

  @Test
  void anInstantIsShownInTurkeyTimeWhateverTheServerZone() {
    assertThat(converter.getAsString(null, null, Instant.parse("2026-12-31T21:30:05Z")))
        .isEqualTo("01.01.2027 00:30:05");
  }

  @Test
  void aDayIsShownAsItIs() {
    assertThat(converter.getAsString(null, null, LocalDate.of(2026, 4, 23)))
        .isEqualTo("23.04.2026");
  }

  @Test
  void nothingIsShownForNoTime() {
    assertThat(converter.getAsString(null, null, null)).isEmpty();
  }
}
