package org.iys.domain.retailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class RetailerFormTest {

  static Map<String, Object> complete() {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "XYZ Ticaret");
    body.put("mersis", "0123456789012345");
    body.put("alias", "Şişli Mağazası");
    body.put("name", "Ayşe Yılmaz");
    body.put("tckn", "10000000146");
    body.put("mobile", "+905325001111");
    body.put("tin", "8450525470");
    body.put("city", Map.of("code", "34", "name", "İstanbul"));
    body.put("town", Map.of("code", "01", "name", "Kadıköy"));
    body.put("status", "suspended");
    return body;
  }

  @Test
  void aCompleteBodyIsReadFieldForField() {
    RetailerDetails details = RetailerForm.read(complete());

    assertThat(details.title()).isEqualTo("XYZ Ticaret");
    assertThat(details.tckn()).isEqualTo("10000000146");
    assertThat(details.tin()).isEqualTo("8450525470");
    assertThat(details.city()).isEqualTo(new Place("34", "İstanbul"));
    assertThat(details.town()).isEqualTo(new Place("01", "Kadıköy"));
    assertThat(details.status()).isEqualTo(RetailerStatus.SUSPENDED);
    assertThat(details.mobile()).isEqualTo("+905325001111");
  }

  @Test
  void optionalFieldsMayBeLeftOutAndTheStatusDefaultsToActive() {
    Map<String, Object> body = complete();
    body.keySet().removeAll(List.of("mersis", "alias", "mobile", "status"));

    RetailerDetails details = RetailerForm.read(body);

    assertThat(details.mersis()).isNull();
    assertThat(details.alias()).isNull();
    assertThat(details.status()).isEqualTo(RetailerStatus.ACTIVE);
  }

  @Test
  void everyMissingRequiredFieldIsReportedAtOnce() {
    assertThat(codes(Map.of()))
        .containsExactlyInAnyOrder(
            ErrorCode.H214,
            ErrorCode.H215,
            ErrorCode.H216,
            ErrorCode.H288,
            ErrorCode.H217,
            ErrorCode.H220);
  }

  @Test
  void aPlaceNeedsBothItsCodeAndItsName() {
    Map<String, Object> body = complete();
    body.put("city", Map.of("name", "İstanbul"));
    body.put("town", Map.of("code", "01"));

    assertThat(codes(body)).containsExactlyInAnyOrder(ErrorCode.H218, ErrorCode.H222);
  }

  @Test
  void identityTaxAndMersisNumbersAreChecked() {
    Map<String, Object> body = complete();
    body.put("tckn", "10000000147");
    body.put("tin", "845052547");
    body.put("mersis", "12345");
    assertThat(codes(body))
        .containsExactlyInAnyOrder(ErrorCode.H225, ErrorCode.H244, ErrorCode.H228);

    body.put("tckn", "1000000014");
    body.put("tin", "8450525471");
    body.put("mersis", "01234567890123AB");
    assertThat(codes(body))
        .containsExactlyInAnyOrder(ErrorCode.H226, ErrorCode.H243, ErrorCode.H227);
  }

  @Test
  void aMersisNumberMayArriveAsAJsonNumber() {
    Map<String, Object> body = complete();
    body.put("mersis", new BigDecimal("1234567890123456"));

    assertThat(RetailerForm.read(body).mersis()).isEqualTo("1234567890123456");
  }

  @Test
  void badMobileStatusLengthAndUnknownFieldsAreRefused() {
    Map<String, Object> body = complete();
    body.put("mobile", "05325001111");
    body.put("status", "ACTIVE");
    body.put("title", "x".repeat(256));
    body.put("retailerCode", new BigDecimal("12345678"));

    assertThat(codes(body))
        .containsExactlyInAnyOrder(ErrorCode.H224, ErrorCode.H201, ErrorCode.H017, ErrorCode.H016);
  }

  private static List<ErrorCode> codes(Map<String, ?> body) {
    DomainException refusal =
        catchThrowableOfType(DomainException.class, () -> RetailerForm.read(body));
    assertThat(refusal).as("refused").isNotNull();
    assertThat(refusal.violations()).allMatch(v -> v.httpStatus() == 400);
    return refusal.violations().stream().map(Violation::code).toList();
  }
}
