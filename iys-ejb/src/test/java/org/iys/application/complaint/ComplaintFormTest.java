package org.iys.application.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ComplaintFormTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void aChannelOutsideTheRegistrysTypesIsRefusedAtTheCounter() {
    assertThat(codeOf(complaint("SMS", "+905321234567"))).isEqualTo(ErrorCode.IYS211);
  }

  @Test
  void aPhoneNumberTooShortToBeOneIsRefused() {
    assertThat(codeOf(complaint("MESAJ", "0555"))).isEqualTo(ErrorCode.IYS212);
  }

  @Test
  void anEmailComplaintAboutAPhoneNumberIsRefused() {
    assertThat(codeOf(complaint("EPOSTA", "+905321234567"))).isEqualTo(ErrorCode.IYS212);
  }

  @Test
  void aWellFormedComplaintPassesInAnyCaseOfChannel() {
    var report = ComplaintForm.report(complaint("eposta", "Ali@Example.com"), NOW);

    ComplaintForm.requireJudgeable(report);

    assertThat(report.channel()).isEqualTo("EPOSTA");
  }

  @Test
  void theQueueCheckLeavesAWrongChannelToTheJudgement() {
    var report = ComplaintForm.report(complaint("SMS", "0555"), NOW);

    assertThat(report.channel()).isEqualTo("SMS");
  }

  private static ComplaintMessage complaint(String channel, String recipient) {
    return new ComplaintMessage(
        null, null, "600001", channel, recipient, "2026-11-30T09:00:00+03:00", null, null);
  }

  private static ErrorCode codeOf(ComplaintMessage message) {
    var report = ComplaintForm.report(message, NOW);
    var refusal = (DomainException) catchThrowable(() -> ComplaintForm.requireJudgeable(report));
    assertThat(refusal).isNotNull();
    assertThat(refusal.violations()).hasSize(1);
    return refusal.violations().get(0).code();
  }
}
