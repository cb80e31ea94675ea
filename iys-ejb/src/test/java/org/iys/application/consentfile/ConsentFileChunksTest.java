package org.iys.application.consentfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class ConsentFileChunksTest {

  @Test
  void aReportLineNamesTheColumnEachRefusalConcerns() {
    String message =
        ConsentFileChunks.describe(
            List.of(
                Violation.of(ErrorCode.H118, "Müşteri Adı Soyadı", "Şükrü Öztürk"),
                Violation.of(ErrorCode.H158, "consentDate", "04.12.2026 10:15")));

    assertThat(message)
        .startsWith("H118 [Müşteri Adı Soyadı] " + ErrorCode.H118.message())
        .contains(" | H158 [consentDate] ");
  }

  @Test
  void aRefusalWithoutAFieldIsShownWithItsCodeAlone() {
    assertThat(ConsentFileChunks.describe(List.of(Violation.of(ErrorCode.H175))))
        .isEqualTo("H175 " + ErrorCode.H175.message());
  }
}
