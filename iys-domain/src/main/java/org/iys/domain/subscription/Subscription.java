package org.iys.domain.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * A business's subscription: the package it bought, how long it runs, and how many addresses it may
 * hold consents for. The quota counts distinct addresses, not consents: one address with a MESAJ
 * and an ARAMA consent, or under two brands, uses one place. A package that allows exceeding the
 * limit only reports it.
 *
 * @param storedStatus what staff set: ACTIVE, PAUSED or CLOSED
 */
public record Subscription(
    String subscriptionId,
    String packageName,
    SubscriptionStatus storedStatus,
    Instant startDate,
    Instant expirationDate,
    int consentLimit,
    boolean consentLimitExceed) {

  public Subscription {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(storedStatus, "storedStatus");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(expirationDate, "expirationDate");
    if (storedStatus == SubscriptionStatus.EXPIRED) {
      throw new IllegalArgumentException("EXPIRED follows from the date and is never stored");
    }
  }

  /** The state at {@code now}: a subscription past its expiration date is EXPIRED unless closed. */
  public SubscriptionStatus status(Instant now) {
    if (storedStatus != SubscriptionStatus.CLOSED && !now.isBefore(expirationDate)) {
      return SubscriptionStatus.EXPIRED;
    }
    return storedStatus;
  }

  /**
   * Whether a consent for an address not yet counted may be added when {@code usedAddresses} are
   * already in use (H525 when not).
   */
  public boolean admitsNewAddress(long usedAddresses) {
    return consentLimitExceed || usedAddresses < consentLimit;
  }

  /** Whether the business API may be used at {@code now} beyond the subscription query (H520). */
  public boolean admitsApiCalls(Instant now) {
    return status(now) == SubscriptionStatus.ACTIVE;
  }
}
