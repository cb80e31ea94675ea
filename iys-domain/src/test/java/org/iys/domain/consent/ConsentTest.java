package org.iys.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class ConsentTest {

  private static final int BRAND = 700001;
  private static final Recipient PHONE = Recipient.phone("+905321234567");
  private static final ConsentKey KEY =
      new ConsentKey(BRAND, PHONE, RecipientType.BIREYSEL, ConsentType.MESAJ);
  private static final Instant NOW = at("2025-06-18 14:00:00");

  @Test
  void theFirstOnayOpensTheConsentAndRecordsAMovement() {
    Consent consent = Consent.unrecorded(BRAND, KEY);
    TransactionId id = TransactionId.random();

    ConsentMovement movement =
        consent.apply(business(ConsentStatus.ONAY, "2025-06-18 13:00:00"), id, NOW);

    assertThat(movement.transactionId()).isEqualTo(id);
    assertThat(movement.creationDate()).isEqualTo(NOW);
    assertThat(consent.status()).isEqualTo(ConsentStatus.ONAY);
    assertThat(consent.transactionId()).isEqualTo(id);
    assertThat(consent.permitsMessages()).isTrue();
  }

  @Test
  void aBusinessCannotOpenWithARejection() {
    assertRefused(
        Consent.unrecorded(BRAND, KEY),
        business(ConsentStatus.RET, "2025-06-18 13:00:00"),
        ErrorCode.H175);
  }

  @Test
  void theRecipientMayRejectABrandThatNeverRecordedThem() {
    Consent consent = Consent.unrecorded(BRAND, KEY);
    consent.apply(byRecipient(ConsentStatus.RET), TransactionId.random(), NOW);
    assertThat(consent.permitsMessages()).isFalse();
  }

  @Test
  void aRejectionRevokesAndTakesEffectAtOnce() {
    Consent consent = granted("2025-06-17 09:00:00");
    consent.apply(business(ConsentStatus.RET, "2025-06-17 09:00:00"), TransactionId.random(), NOW);
    assertThat(consent.permitsMessages()).isFalse();
  }

  @Test
  void rejectingTwiceIsRefused() {
    Consent consent = granted("2025-06-17 09:00:00");
    consent.apply(business(ConsentStatus.RET, "2025-06-17 10:00:00"), TransactionId.random(), NOW);
    assertRefused(consent, business(ConsentStatus.RET, "2025-06-18 10:00:00"), ErrorCode.H174);
  }

  @Test
  void grantingAgainIsAccepted() {
    Consent consent = granted("2025-06-17 09:00:00");
    assertThat(consent.refusals(business(ConsentStatus.ONAY, "2025-06-18 09:00:00"))).isEmpty();
  }

  @Test
  void datesOnlyMoveForward() {
    Consent consent = granted("2025-06-17 09:00:00");
    assertRefused(consent, business(ConsentStatus.RET, "2025-06-16 09:00:00"), ErrorCode.H178);
    assertThat(
            consent.refusals(business(ConsentStatus.RET, "2025-06-16 09:00:00")).get(0).message())
        .contains("earlier");
  }

  @Test
  void anOnayAtTheSameSecondAsTheRejectionDoesNotOverrideIt() {
    Consent consent = granted("2025-06-17 09:00:00");
    consent.apply(business(ConsentStatus.RET, "2025-06-17 10:00:00"), TransactionId.random(), NOW);
    assertRefused(consent, business(ConsentStatus.ONAY, "2025-06-17 10:00:00"), ErrorCode.H178);
    assertThat(
            consent.refusals(business(ConsentStatus.ONAY, "2025-06-17 10:00:00")).get(0).message())
        .contains("same as")
        .doesNotContain("earlier");
    assertThat(consent.refusals(business(ConsentStatus.ONAY, "2025-06-17 10:00:01"))).isEmpty();
  }

  @Test
  void theRecipientsOwnRejectionIsOverriddenOnlyWithEvidence() {
    Consent consent = granted("2025-06-17 09:00:00");
    consent.apply(
        byRecipient(ConsentStatus.RET), TransactionId.random(), at("2025-06-17 12:00:00"));

    assertRefused(consent, business(ConsentStatus.ONAY, "2025-06-18 13:00:00"), ErrorCode.IYS001);
    ConsentChange withEvidence = withEvidence(business(ConsentStatus.ONAY, "2025-06-18 13:00:00"));
    ConsentMovement movement = consent.apply(withEvidence, TransactionId.random(), NOW);
    assertThat(movement.evidenceReference()).isEqualTo("FORM-77");
  }

  @Test
  void aMerchantsLaterRecordsNeedDateAndSource() {
    ConsentKey merchant = new ConsentKey(BRAND, PHONE, RecipientType.TACIR, ConsentType.MESAJ);
    Consent consent = Consent.unrecorded(BRAND, merchant);
    consent.apply(merchantChange(ConsentStatus.ONAY), TransactionId.random(), NOW);

    List<Violation> refusals = consent.refusals(merchantChange(ConsentStatus.RET));
    assertThat(refusals)
        .extracting(Violation::code)
        .containsExactly(ErrorCode.H462, ErrorCode.H463);
  }

  @Test
  void aRejectionLeavesThreeBusinessDaysToStopSending() {
    Consent consent = granted("2025-06-17 09:00:00");
    ConsentMovement rejection =
        consent.apply(
            business(ConsentStatus.RET, "2025-06-18 10:00:00"), TransactionId.random(), NOW);

    assertThat(rejection.stopSendingDeadline(BusinessCalendar.bundled()))
        .isEqualTo(at("2025-06-24 00:00:00"));
  }

  @Test
  void aChangeForAnotherKeyIsAProgrammingError() {
    ConsentKey other = new ConsentKey(BRAND, PHONE, RecipientType.BIREYSEL, ConsentType.ARAMA);
    assertThatThrownBy(
            () ->
                Consent.unrecorded(BRAND, other)
                    .refusals(business(ConsentStatus.ONAY, "2025-06-18 13:00:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Consent granted(String consentDate) {
    Consent consent = Consent.unrecorded(BRAND, KEY);
    consent.apply(business(ConsentStatus.ONAY, consentDate), TransactionId.random(), NOW);
    return consent;
  }

  private static ConsentChange business(ConsentStatus status, String consentDate) {
    return new ConsentChange(
        PHONE,
        RecipientType.BIREYSEL,
        ConsentType.MESAJ,
        status,
        ConsentSource.HS_WEB,
        at(consentDate),
        null,
        List.of(),
        null);
  }

  private static ConsentChange withEvidence(ConsentChange change) {
    return new ConsentChange(
        change.recipient(),
        change.recipientType(),
        change.type(),
        change.status(),
        change.source(),
        change.consentDate(),
        null,
        List.of(),
        "FORM-77");
  }

  private static ConsentChange merchantChange(ConsentStatus status) {
    return new ConsentChange(
        PHONE, RecipientType.TACIR, ConsentType.MESAJ, status, null, null, null, List.of(), null);
  }

  private static ConsentChange byRecipient(ConsentStatus status) {
    return ConsentChange.byRecipient(KEY, status, ConsentSource.IYS_WEB, at("2025-06-17 12:00:00"));
  }

  private static void assertRefused(Consent consent, ConsentChange change, ErrorCode code) {
    assertThatThrownBy(() -> consent.apply(change, TransactionId.random(), NOW))
        .isInstanceOfSatisfying(
            ConsentRefusedException.class,
            e -> {
              assertThat(e.violations()).extracting(Violation::code).containsExactly(code);
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }

  private static Instant at(String turkeyTime) {
    return ConsentDate.parse(turkeyTime);
  }
}
