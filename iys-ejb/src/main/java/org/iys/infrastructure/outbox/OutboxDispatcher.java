package org.iys.infrastructure.outbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.iys.application.outbox.Outbox;

/**
 * Sends pending outbox messages every few seconds. Every instance runs its own timer; the outbox
 * claims rows with SKIP LOCKED, so they share the work without sending anything twice.
 */
@Singleton
public class OutboxDispatcher {

  private static final System.Logger LOG = System.getLogger(OutboxDispatcher.class.getName());

  private static final int BATCH = 500;

  // Where this instance's last round ended; only a hint for the next claim, see Outbox#dispatch.
  private long lastId;

  @EJB private Outbox outbox;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void dispatch() {
    try {
      Outbox.Round round;
      long sent = 0;
      do {
        round = outbox.dispatch(BATCH, lastId);
        lastId = round.lastId();
        sent += round.sent();
      } while (round.sent() == BATCH);
      if (sent > 0) {
        long handedOver = sent;
        LOG.log(System.Logger.Level.INFO, () -> handedOver + " outbox messages handed over");
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "IYS-OUTBOX-1 dispatch round failed", e);
    }
  }
}
