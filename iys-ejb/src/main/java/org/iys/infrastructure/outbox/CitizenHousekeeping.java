package org.iys.infrastructure.outbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import org.iys.application.citizen.CitizenThrottle;

/**
 * Forgets spent codes, sessions and throttle counters every hour. Every instance runs its own
 * timer; the deletes are idempotent, so no claim between instances is needed.
 */
@Singleton
public class CitizenHousekeeping {

  private static final System.Logger LOG = System.getLogger(CitizenHousekeeping.class.getName());

  @EJB private CitizenThrottle throttle;

  @Schedule(hour = "*", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void forgetOld() {
    try {
      throttle.forgetOld(Instant.now());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "IYS-CITIZEN-1 housekeeping round failed", e);
    }
  }
}
