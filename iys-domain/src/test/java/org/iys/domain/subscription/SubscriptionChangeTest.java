package org.iys.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

class SubscriptionChangeTest {

  private static final Subscription CURRENT =
      new Subscription(
          "id",
          "IYS Standard",
          SubscriptionStatus.ACTIVE,
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2027-01-01T00:00:00Z"),
          100,
          false);

  @Test
  void onlyTheFieldsSentChange() {
    Subscription changed =
        SubscriptionChange.read(Map.of("status", "PAUSED", "consentLimit", new BigDecimal("5")))
            .applyTo(CURRENT);

    assertThat(changed.storedStatus()).isEqualTo(SubscriptionStatus.PAUSED);
    assertThat(changed.consentLimit()).isEqualTo(5);
    assertThat(changed.consentLimitExceed()).isFalse();
    assertThat(changed.expirationDate()).isEqualTo(CURRENT.expirationDate());
  }

  @Test
  void theExpirationDateIsTurkeyTime() {
    Subscription changed =
        SubscriptionChange.read(Map.of("expirationDate", "2026-06-01 03:00:00")).applyTo(CURRENT);

    assertThat(changed.expirationDate()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
  }

  @Test
  void expiredCannotBeSetAndBadValuesAreReportedAtOnce() {
    DomainException refusal =
        catchThrowableOfType(
            DomainException.class,
            () ->
                SubscriptionChange.read(
                    Map.of(
                        "status", "EXPIRED",
                        "consentLimit", new BigDecimal("-1"),
                        "consentLimitExceed", "yes",
                        "expirationDate", "2026-06-01",
                        "packageName", "Gold")));

    assertThat(refusal.violations())
        .extracting(Violation::code)
        .containsExactlyInAnyOrder(
            ErrorCode.IYS130,
            ErrorCode.IYS131,
            ErrorCode.IYS132,
            ErrorCode.IYS133,
            ErrorCode.IYS134);
  }
}
