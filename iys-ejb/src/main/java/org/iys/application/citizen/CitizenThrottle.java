package org.iys.application.citizen;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hourly counters in the database, shared by every instance: one row per bucket and clock hour,
 * raised with an upsert so that concurrent requests on several instances all count. A hit is
 * counted in its own transaction, so it stays counted even when the request it belongs to is then
 * refused.
 */
@Stateless
public class CitizenThrottle {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  /** Counts a hit and tells whether the bucket is still within {@code limit} hits this hour. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean allow(String bucket, int limit, Instant now) {
    var window = Utc.column(now.truncatedTo(ChronoUnit.HOURS));
    em.createNativeQuery(
            "INSERT INTO citizen_throttle (bucket, window_start, hits) VALUES (?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE hits = hits + 1")
        .setParameter(1, bucket)
        .setParameter(2, window)
        .executeUpdate();
    Number hits =
        (Number)
            em.createNativeQuery(
                    "SELECT hits FROM citizen_throttle WHERE bucket = ? AND window_start = ?")
                .setParameter(1, bucket)
                .setParameter(2, window)
                .getSingleResult();
    return hits.intValue() <= limit;
  }

  /** Drops counters of windows that ended more than a day ago. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int forgetOld(Instant now) {
    return em.createNativeQuery("DELETE FROM citizen_throttle WHERE window_start < ?")
        .setParameter(1, Utc.column(now.minus(1, ChronoUnit.DAYS)))
        .executeUpdate();
  }
}
