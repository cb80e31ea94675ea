package org.iys.domain.subscription;

/**
 * The state of a business's subscription, as the reference spells it. Staff set ACTIVE, PAUSED or
 * CLOSED; EXPIRED is never stored but follows from the expiration date.
 */
public enum SubscriptionStatus {
  ACTIVE,
  PAUSED,
  EXPIRED,
  CLOSED
}
