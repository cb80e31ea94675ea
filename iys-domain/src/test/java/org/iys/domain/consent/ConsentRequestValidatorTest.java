package org.iys.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class ConsentRequestValidatorTest {

  private static final Clock NOW =
      Clock.fixed(ConsentDate.parse("2025-06-18 14:00:00"), BusinessCalendar.TURKEY);
  private final ConsentRequestValidator validator =
      new ConsentRequestValidator(BusinessCalendar.bundled());

  @Test
  void aCompleteRequestBecomesAChange() {
    ConsentChange change = validator.toChange(sms(), NOW);

    assertThat(change.recipientType()).isEqualTo(RecipientType.BIREYSEL);
    assertThat(change.status()).isEqualTo(ConsentStatus.ONAY);
    assertThat(change.consentDate()).isEqualTo(ConsentDate.parse("2025-06-18 13:00:00"));
  }

  @Test
  void everyMissingFieldIsReportedAtOnce() {
    assertThat(codes(validator.validate(Map.of(), NOW)))
        .containsExactlyInAnyOrder(
            ErrorCode.H111, ErrorCode.H114, ErrorCode.H110, ErrorCode.H113, ErrorCode.H112);
  }

  @Test
  void nullCountsAsMissing() {
    Map<String, Object> body = sms();
    body.put("status", null);
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H110);
  }

  @Test
  void enumValuesMustMatchExactly() {
    Map<String, Object> body = sms();
    body.put("status", "onay");
    body.put("type", "SMS");
    body.put("recipientType", "");
    assertThat(codes(validator.validate(body, NOW)))
        .containsExactlyInAnyOrder(ErrorCode.H115, ErrorCode.H117, ErrorCode.H116);
  }

  @Test
  void aValueOfTheWrongTypeIsABadValue() {
    Map<String, Object> body = sms();
    body.put("recipient", new BigDecimal("905321234567"));
    body.put("consentDate", 20250618);
    List<Violation> violations = validator.validate(body, NOW);

    assertThat(codes(violations)).containsExactly(ErrorCode.H121, ErrorCode.H158);
    assertThat(violations.get(0).value()).isEqualTo("905321234567");
  }

  @Test
  void unknownFieldsAreNamedInTheLocation() {
    Map<String, Object> body = sms();
    body.put("name", "Ali");
    Violation violation = validator.validate(body, NOW).get(0);

    assertThat(violation.code()).isEqualTo(ErrorCode.H118);
    assertThat(violation.location()).containsExactly("name");
  }

  @Test
  void aMerchantsRecordMayOmitSourceAndDate() {
    Map<String, Object> body = sms();
    body.remove("source");
    body.remove("consentDate");
    body.put("recipientType", "TACIR");
    assertThat(validator.validate(body, NOW)).isEmpty();
  }

  @Test
  void hsKararOnlyRejects() {
    Map<String, Object> body = sms();
    body.put("source", "HS_KARAR");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H408);
  }

  @Test
  void hs2015CarriesOnlyItsOwnDate() {
    Map<String, Object> body = sms();
    body.put("source", "HS_2015");
    body.put("consentDate", "2015-05-01 00:00:00");
    assertThat(validator.validate(body, NOW)).isEmpty();
    body.put("consentDate", "2015-04-30 23:59:59");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H155);
  }

  @Test
  void datesBeforeTheRegistryAreRefused() {
    Map<String, Object> body = sms();
    body.put("consentDate", "2015-04-30 23:59:59");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H156);
  }

  @Test
  void aLateOnayIsRefusedButALateRetIsRecorded() {
    Map<String, Object> body = sms();
    body.put("consentDate", "2025-06-12 09:00:00");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H467);
    body.put("status", "RET");
    assertThat(validator.validate(body, NOW)).isEmpty();
  }

  @Test
  void anEmptyRetailerCodeIsRefusedAndAnEightDigitNumberAccepted() {
    Map<String, Object> body = sms();
    body.put("retailerCode", "");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H267);
    body.put("retailerCode", new BigDecimal("12345678"));
    assertThat(validator.toChange(body, NOW).retailerCode()).isEqualTo(12345678);
    body.put("retailerCode", "12345678");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H085);
  }

  @Test
  void retailerAccessIsANonEmptyListOfAtMost100Codes() {
    Map<String, Object> body = sms();
    body.put("retailerAccess", List.of());
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H163);
    body.put("retailerAccess", Collections.nCopies(101, 12345678));
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.H126);
    body.put("retailerAccess", List.of(12345678, 7));
    Violation violation = validator.validate(body, NOW).get(0);
    assertThat(violation.location()).containsExactly("retailerAccess", 1);
  }

  @Test
  void anEvidenceReferenceIsBoundedText() {
    Map<String, Object> body = sms();
    body.put("evidenceReference", " form 12");
    assertThat(codes(validator.validate(body, NOW))).containsExactly(ErrorCode.IYS002);
    body.put("evidenceReference", "FORM-2025-0012");
    assertThat(validator.toChange(body, NOW).evidenceReference()).isEqualTo("FORM-2025-0012");
  }

  @Test
  void anInvalidRequestHasNoChange() {
    assertThatThrownBy(() -> validator.toChange(Map.of(), NOW))
        .isInstanceOfSatisfying(
            InvalidConsentRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(422));
  }

  @Test
  void aBulkListRefusesRepeatedKeysIncludingDifferentlyCasedEmails() {
    Map<String, Object> first = email("Ali@Mail.com");
    Map<String, Object> second = email("ali@mail.com");
    List<Violation> violations = validator.validateBulk(List.of(first, second), NOW);

    assertThat(violations).extracting(Violation::code).containsExactly(ErrorCode.H194);
    assertThat(violations.get(0).index()).isEqualTo(1);
  }

  @Test
  void theSameAddressMayAppearOnceAsIndividualAndOnceAsMerchant() {
    Map<String, Object> merchant = sms();
    merchant.put("recipientType", "TACIR");
    assertThat(validator.validateBulk(List.of(sms(), merchant), NOW)).isEmpty();
  }

  @Test
  void aBulkListIsBetweenOneAnd1000Items() {
    assertThat(codes(validator.validateBulk(List.of(), NOW))).containsExactly(ErrorCode.H092);
    List<Object> tooMany = new ArrayList<>(Collections.nCopies(1001, sms()));
    assertThat(codes(validator.validateBulk(tooMany, NOW))).containsExactly(ErrorCode.H091);
  }

  @Test
  void eachBulkItemsViolationsCarryItsIndex() {
    Map<String, Object> bad = sms();
    bad.remove("status");
    bad.put("recipient", "+905321234568");
    List<Violation> violations = validator.validateBulk(List.of(sms(), "text", bad), NOW);

    assertThat(violations)
        .extracting(v -> v.code() + "@" + v.index())
        .containsExactly("H092@1", "H110@2");
  }

  private static Map<String, Object> sms() {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "MESAJ");
    body.put("source", "HS_WEB");
    body.put("recipient", "+905321234567");
    body.put("status", "ONAY");
    body.put("consentDate", "2025-06-18 13:00:00");
    return body;
  }

  private static Map<String, Object> email(String address) {
    Map<String, Object> body = sms();
    body.put("type", "EPOSTA");
    body.put("recipient", address);
    return body;
  }

  private static List<ErrorCode> codes(List<Violation> violations) {
    return violations.stream().map(Violation::code).toList();
  }
}
