package org.iys.domain.retailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class RetailerAccessRequestTest {

  private static final BigDecimal FIRST = new BigDecimal("12345678");
  private static final BigDecimal SECOND = new BigDecimal("23456789");

  @Test
  void oneConsentAndItsRetailersAreRead() {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "MESAJ");
    body.put("recipientType", "BIREYSEL");
    body.put("recipient", "+905377115251");
    body.put("retailerAccess", List.of(FIRST, SECOND, FIRST));

    RetailerAccessRequest request = RetailerAccessRequest.forOne(body, ErrorCode.H090);

    assertThat(request.retailerCodes()).containsExactly(12345678, 23456789);
    ConsentKey key = request.keys(700001).get(0);
    assertThat(key.recipient().address()).isEqualTo("+905377115251");
    assertThat(key.type()).isEqualTo(ConsentType.MESAJ);
    assertThat(key.recipientType()).isEqualTo(RecipientType.BIREYSEL);
  }

  @Test
  void aRepeatedRecipientCountsOnce() {
    Map<String, Object> body = many(List.of("A@Ornek.com", "a@ornek.com"));
    body.put("type", "EPOSTA");

    RetailerAccessRequest request = RetailerAccessRequest.forMany(body, false, ErrorCode.H172);

    assertThat(request.recipients()).hasSize(1);
    assertThat(request.retailerCodes()).isEmpty();
  }

  @Test
  void missingFieldsAreReportedAtOnce() {
    assertThat(codes(() -> RetailerAccessRequest.forOne(Map.of(), ErrorCode.H090)))
        .containsExactlyInAnyOrder(ErrorCode.H170, ErrorCode.H111, ErrorCode.H114, ErrorCode.H169);
    assertThat(codes(() -> RetailerAccessRequest.forMany(Map.of(), false, ErrorCode.H172)))
        .containsExactlyInAnyOrder(ErrorCode.H170, ErrorCode.H111, ErrorCode.H168);
  }

  @Test
  void listsMayBeNeitherEmptyNorLongerThan100() {
    Map<String, Object> body = many(List.of());
    body.put("retailerAccess", List.of());
    assertThat(codes(() -> RetailerAccessRequest.forMany(body, true, ErrorCode.H171)))
        .containsExactlyInAnyOrder(ErrorCode.H164, ErrorCode.H163);

    body.put("recipients", Collections.nCopies(101, "+905377115251"));
    body.put("retailerAccess", Collections.nCopies(101, FIRST));
    assertThat(codes(() -> RetailerAccessRequest.forMany(body, true, ErrorCode.H171)))
        .containsExactlyInAnyOrder(ErrorCode.H127, ErrorCode.H126);
  }

  @Test
  void aRetailerCodeIsAnEightDigitNumberAndABadOneIsLocated() {
    Map<String, Object> body = many(List.of("+905377115251", "905377115251"));
    body.put("retailerAccess", List.of(FIRST, "23456789", new BigDecimal("1234567")));

    DomainException refusal =
        catchThrowableOfType(
            DomainException.class, () -> RetailerAccessRequest.forMany(body, true, ErrorCode.H171));

    assertThat(refusal.violations())
        .extracting(Violation::code, Violation::location)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ErrorCode.H121, List.of("recipients", 1)),
            org.assertj.core.groups.Tuple.tuple(ErrorCode.H171, List.of("retailerAccess", 1)),
            org.assertj.core.groups.Tuple.tuple(ErrorCode.H171, List.of("retailerAccess", 2)));
  }

  @Test
  void retailersAreNotPartOfARemoveAll() {
    Map<String, Object> body = many(List.of("+905377115251"));
    body.put("retailerAccess", List.of(FIRST));

    assertThat(codes(() -> RetailerAccessRequest.forMany(body, false, ErrorCode.H172)))
        .containsExactly(ErrorCode.H118);
  }

  private static Map<String, Object> many(List<?> recipients) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "MESAJ");
    body.put("recipientType", "TACIR");
    body.put("recipients", recipients);
    return body;
  }

  private static List<ErrorCode> codes(Runnable read) {
    DomainException refusal = catchThrowableOfType(DomainException.class, read::run);
    assertThat(refusal).as("refused").isNotNull();
    return refusal.violations().stream().map(Violation::code).toList();
  }
}
