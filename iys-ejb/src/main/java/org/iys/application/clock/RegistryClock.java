package org.iys.application.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's clock: the time every consent date is judged against and every movement is stamped
 * with. It is the system's UTC clock, unless the server was started with {@code
 * -Diys.registry.clock=settable}; then tests may fix it to any moment so that rules about dates can
 * be exercised through the real API.
 *
 * <p>A set time lives in this server's memory only. That is deliberate: the settable clock exists
 * for single-instance test runs and is refused on a production start, where several instances share
 * the system clock instead.
 */
@ApplicationScoped
public class RegistryClock {

  /** The system property that allows tests to set the clock. */
  public static final String MODE_PROPERTY = "iys.registry.clock";

  private final boolean settable = "settable".equals(System.getProperty(MODE_PROPERTY));

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  /** Every caller gets a clock that reads the current setting at each tick. */
  @Produces
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  public Instant now() {
    Instant set = fixed.get();
    return set != null ? set : Instant.now();
  }

  public boolean isSettable() {
    return settable;
  }

  /**
   * @throws IllegalStateException unless the server runs with the settable clock
   */
  public void set(Instant instant) {
    requireSettable();
    fixed.set(instant);
  }

  public void clear() {
    requireSettable();
    fixed.set(null);
  }

  private void requireSettable() {
    if (!settable) {
      throw new IllegalStateException("the registry clock is not settable on this server");
    }
  }
}
