package org.iys.web.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.subscription.Subscription;
import org.iys.domain.subscription.SubscriptionStatus;

/**
 * Lets a business use the API only while its subscription is active: H520 while it is paused or
 * expired, H521 once it is closed. The subscription is read from the database and remembered for a
 * short while, so the check costs a map lookup on almost every call; a change staff make on another
 * server instance is therefore seen here within {@code iys.subscription.recheck-seconds}. A
 * business without a subscription row is let through: every approved business gets one, and a
 * missing row is a data fault to fix, not a reason to stop a business's sending.
 */
@ApplicationScoped
public class SubscriptionGate {

  private static final int MOST_REMEMBERED = 100_000;

  private record Seen(Optional<Subscription> subscription, Instant readAt) {}

  private final ConcurrentHashMap<Integer, Seen> seen = new ConcurrentHashMap<>();

  private final Clock clock = Clock.systemUTC();

  @EJB private Subscriptions subscriptions;

  @Inject
  @ConfigProperty(name = "iys.subscription.recheck-seconds", defaultValue = "30")
  private int recheckSeconds;

  /**
   * @throws DomainException H520 or H521 when the business may not use the API now
   */
  public void requireOpen(int iysCode) {
    Instant now = clock.instant();
    Seen known = seen.get(iysCode);
    if (known == null || known.readAt().plus(Duration.ofSeconds(recheckSeconds)).isBefore(now)) {
      if (seen.size() >= MOST_REMEMBERED) {
        seen.clear();
      }
      known = new Seen(subscriptions.subscription(iysCode), now);
      seen.put(iysCode, known);
    }
    if (known.subscription().isEmpty()) {
      return;
    }
    SubscriptionStatus status = known.subscription().get().status(now);
    if (status == SubscriptionStatus.CLOSED) {
      throw new DomainException(Violation.of(ErrorCode.H521));
    }
    if (status != SubscriptionStatus.ACTIVE) {
      throw new DomainException(Violation.of(ErrorCode.H520));
    }
  }

  /** Forgets what was read for a business, after its subscription changed on this instance. */
  public void forget(int iysCode) {
    seen.remove(iysCode);
  }
}
