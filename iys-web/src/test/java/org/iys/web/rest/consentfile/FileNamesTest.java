package org.iys.web.rest.consentfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void aTurkishNamePercentEncodedInTheHeaderIsReadAsUtf8() {
    assertThat(FileNames.given(null, "m%C3%BC%C5%9Fteri-izinleri%20Aral%C4%B1k.csv"))
        .isEqualTo("müşteri-izinleri Aralık.csv");
  }

  @Test
  void theQueryParameterWinsOverTheHeader() {
    assertThat(FileNames.given("İzinler.csv", "other.csv")).isEqualTo("İzinler.csv");
  }

  @Test
  void aPlainNameIsKeptWithItsPlusAndAStrayPercent() {
    assertThat(FileNames.given(null, "gece+sabah.csv")).isEqualTo("gece+sabah.csv");
    assertThat(FileNames.given(null, "indirim %50.csv")).isEqualTo("indirim %50.csv");
    assertThat(FileNames.given(null, "100%.csv")).isEqualTo("100%.csv");
    assertThat(FileNames.given(null, "%C3.csv")).isEqualTo("%C3.csv");
  }

  @Test
  void noNameAtAllIsNull() {
    assertThat(FileNames.given(null, null)).isNull();
    assertThat(FileNames.given(" ", " ")).isNull();
  }
}
