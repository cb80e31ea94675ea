package org.iys.application.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iys.infrastructure.persistence.JdbcPushRepository;
import org.iys.infrastructure.persistence.JdbcPushRepository.Claim;
import org.iys.infrastructure.persistence.JdbcPushRepository.Movement;

/**
 * Delivers the movements recipients made through the registry to the brands' push connections,
 * driven by the movement log and a cursor per connection kept in the database.
 *
 * <p>Each round claims one due connection at a time (skipping those another instance holds), posts
 * the next batch after its cursor, and moves the cursor only when the receiver answered 2xx. A
 * failure leaves the cursor where it was and schedules the next attempt with exponential back-off
 * (1 s, 2 s, 4 s … at most 5 minutes), so nothing is skipped and nothing is given up. Because the
 * cursor moves in the same statement that frees the lease, a restarted or another instance
 * continues exactly after the last acknowledged batch. Delivery is at least once: if an instance
 * dies after the receiver accepted a batch but before the cursor moved, that batch is sent again
 * once the lease expires, so receivers should treat the transaction id as the key.
 */
@ApplicationScoped
public class PushDelivery {

  static final int BATCH = 100;

  static final int LEASE_SECONDS = 60;

  static final int SETTLE_SECONDS = 2;

  static final int IDLE_SECONDS = 1;

  static final int MAX_BACKOFF_SECONDS = 300;

  private static final System.Logger LOG = System.getLogger(PushDelivery.class.getName());

  private final String owner = "iys-" + UUID.randomUUID();

  @Inject private JdbcPushRepository repository;

  @Inject private WebhookClient webhooks;

  @Inject private PushCredentials credentials;

  /**
   * Works through the due connections until none is left or {@code budgetMillis} has passed.
   *
   * @return how many batches were delivered
   */
  public int deliverDue(long budgetMillis) {
    long end = System.currentTimeMillis() + budgetMillis;
    int delivered = 0;
    while (System.currentTimeMillis() < end) {
      Optional<Claim> claim = repository.claimDue(owner, LEASE_SECONDS);
      if (claim.isEmpty()) {
        break;
      }
      if (deliverNext(claim.get())) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliverNext(Claim claim) {
    List<Movement> movements;
    try {
      movements = repository.movementsAfter(claim, BATCH, SETTLE_SECONDS);
    } catch (RuntimeException e) {
      repository.failed(claim, owner, backoff(claim.attempts() + 1), "reading movements failed");
      throw e;
    }
    if (movements.isEmpty()) {
      repository.idle(claim, owner, IDLE_SECONDS);
      return false;
    }

    String password;
    try {
      password = credentials.open(claim.password());
    } catch (IllegalStateException e) {
      // Retried with back-off: the usual cause is a configured key missing after a restart.
      repository.failed(claim, owner, backoff(claim.attempts() + 1), e.getMessage());
      LOG.log(
          System.Logger.Level.ERROR,
          "PUSH-004 the password of push connection {0} does not open: {1}",
          claim.id(),
          e.getMessage());
      return false;
    }
    WebhookClient.Outcome outcome =
        webhooks.post(claim.url(), claim.username(), password, PushPayload.of(movements));

    if (!outcome.succeeded()) {
      int delay = backoff(claim.attempts() + 1);
      repository.failed(claim, owner, delay, outcome.note());
      LOG.log(
          System.Logger.Level.WARNING,
          "PUSH-001 push connection {0} refused a batch ({1}); attempt {2}, next in {3} s",
          claim.id(),
          outcome.note(),
          claim.attempts() + 1,
          delay);
      return false;
    }
    if (!repository.delivered(claim, owner, movements.get(movements.size() - 1))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "PUSH-002 lease on push connection {0} ran out during delivery; the batch may be resent",
          claim.id());
    }
    return true;
  }

  /** Seconds to wait before attempt number {@code attempt + 1}: 1, 2, 4 … capped. */
  static int backoff(int attempt) {
    int exponent = Math.min(attempt - 1, 16);
    return Math.min(1 << Math.max(exponent, 0), MAX_BACKOFF_SECONDS);
  }
}
