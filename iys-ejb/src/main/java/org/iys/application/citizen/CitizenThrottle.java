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

  /**
   * Drops counters of windows that ended more than a day ago, and verifications and sessions that
   * expired more than a day ago. Any instance may run it at any time; running it twice is harmless.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int forgetOld(Instant now) {
    var dayAgo = Utc.column(now.minus(1, ChronoUnit.DAYS));
    int forgotten = 0;
    for (String delete :
        new String[] {
          "DELETE FROM citizen_throttle WHERE window_start < ?",
          "DELETE FROM citizen_verification WHERE expires < ?",
          "DELETE FROM citizen_session WHERE expires < ?"
        }) {
      forgotten += em.createNativeQuery(delete).setParameter(1, dayAgo).executeUpdate();
    }
    return forgotten;
  }
}
