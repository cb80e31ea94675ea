package org.iys.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

  @Test
  void aSubscriptionPastItsEndIsExpiredUnlessClosed() {
    Instant after = END.plusSeconds(1);

    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).status(START))
        .isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).status(after))
        .isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(of(SubscriptionStatus.PAUSED, 10, false).status(after))
        .isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(of(SubscriptionStatus.CLOSED, 10, false).status(after))
        .isEqualTo(SubscriptionStatus.CLOSED);
  }

  @Test
  void onlyAnActiveSubscriptionAdmitsApiCalls() {
    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).admitsApiCalls(START)).isTrue();
    assertThat(of(SubscriptionStatus.PAUSED, 10, false).admitsApiCalls(START)).isFalse();
    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).admitsApiCalls(END)).isFalse();
  }

  @Test
  void theQuotaStopsNewAddressesAtTheLimitUnlessThePackageMayExceedIt() {
    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).admitsNewAddress(9)).isTrue();
    assertThat(of(SubscriptionStatus.ACTIVE, 10, false).admitsNewAddress(10)).isFalse();
    assertThat(of(SubscriptionStatus.ACTIVE, 10, true).admitsNewAddress(10)).isTrue();
  }

  @Test
  void expiredIsNeverStored() {
    assertThatThrownBy(() -> of(SubscriptionStatus.EXPIRED, 10, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Subscription of(SubscriptionStatus status, int limit, boolean exceed) {
    return new Subscription("id", "IYS Standard", status, START, END, limit, exceed);
  }
}
