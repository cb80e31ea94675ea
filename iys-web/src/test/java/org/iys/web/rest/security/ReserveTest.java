package org.iys.web.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReserveTest {

  private final AtomicLong shared = new AtomicLong();

  private long take(long most) {
    long taken = Math.min(most, shared.get());
    shared.addAndGet(-taken);
    return taken;
  }

  @Test
  void spendsNoMoreThanWasTakenFromTheSharedBucket() {
    shared.set(7);
    var reserve = new RateLimits.Reserve();
    int allowed = 0;
    for (int i = 0; i < 20; i++) {
      if (reserve.spend(() -> take(5), shared::addAndGet)) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(7);
    assertThat(shared.get()).isZero();
  }

  @Test
  void givesBackWhatItDidNotSpendInItsLifetime() throws InterruptedException {
    shared.set(10);
    var reserve = new RateLimits.Reserve();
    assertThat(reserve.spend(() -> take(5), shared::addAndGet)).isTrue();
    assertThat(shared.get()).isEqualTo(5);

    Thread.sleep(RateLimits.RESERVE_LIFETIME_NANOS / 1_000_000 + 20);
    assertThat(reserve.spend(() -> take(5), shared::addAndGet)).isTrue();
    // four unspent tokens went back before the next five were taken
    assertThat(shared.get()).isEqualTo(4);
  }
}
