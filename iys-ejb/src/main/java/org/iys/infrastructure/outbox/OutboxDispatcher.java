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

  private static final int BATCH = 200;

  @EJB private Outbox outbox;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void dispatch() {
    try {
      while (outbox.dispatch(BATCH) == BATCH) {
        // a full batch means more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "IYS-OUTBOX-1 dispatch round failed", e);
    }
  }
}
