package org.iys.web.rest.problem;

import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;

/** A request refused because an allowance is spent, knowing when the next request may come. */
public class RateLimited extends DomainException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimited(Violation violation, long retryAfterSeconds) {
    super(violation);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whole seconds until the allowance has room again, rounded up and at least one. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Nanoseconds to wait as the whole seconds of a {@code Retry-After} header, rounded up. */
  public static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
