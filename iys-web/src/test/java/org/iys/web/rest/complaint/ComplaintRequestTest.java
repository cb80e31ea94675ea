package org.iys.web.rest.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class ComplaintRequestTest {

  @Test
  void aFieldThatIsNotPartOfAComplaintIsRefusedWithH118() {
    Map<String, Object> body = complete();
    body.put("foo", "x");

    var refusal = catchThrowableOfType(DomainException.class, () -> ComplaintRequest.from(body));

    assertThat(refusal.httpStatus()).isEqualTo(422);
    assertThat(refusal.violations()).extracting(Violation::code).containsExactly(ErrorCode.H118);
    assertThat(refusal.violations().get(0).location()).isEqualTo(List.of("foo"));
    assertThat(refusal.violations().get(0).message()).contains("complaint", "receivedAt");
  }

  @Test
  void aBrandSentAsANumberIsRefusedRatherThanGuessed() {
    Map<String, Object> body = complete();
    body.put("brand", new BigDecimal("600001"));

    var refusal = catchThrowableOfType(DomainException.class, () -> ComplaintRequest.from(body));

    assertThat(refusal.violations()).extracting(Violation::code).containsExactly(ErrorCode.IYS201);
  }

  @Test
  void aCompleteComplaintIsReadFieldByField() {
    var request = ComplaintRequest.from(complete());

    assertThat(request.brand()).isEqualTo("Örnek Ticaret A.Ş.");
    assertThat(request.channel()).isEqualTo("MESAJ");
    assertThat(request.idempotencyKey()).isNull();
  }

  private static Map<String, Object> complete() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("brand", "Örnek Ticaret A.Ş.");
    body.put("channel", "MESAJ");
    body.put("recipient", "+905321234567");
    body.put("receivedAt", "2026-11-30T09:00:00+03:00");
    return body;
  }
}
