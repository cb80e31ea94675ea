package org.iys.application.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} consecutive failures an account
 * refuses every attempt, right or wrong, for a pause that doubles with each further failure (up to
 * a quarter of an hour). The count lives in the database, so all instances see the same count.
 */
@Stateless
public class LoginThrottle {

  static final int FREE_FAILURES = 5;

  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** Whether the account is in a pause now; a paused account's password is not even checked. */
  public boolean paused(String realm, String username) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT failures, last_failure_at FROM login_failure"
                    + " WHERE realm = ?1 AND username = ?2")
            .setParameter(1, realm)
            .setParameter(2, username)
            .getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    Object[] row = (Object[]) rows.get(0);
    int failures = ((Number) row[0]).intValue();
    if (failures < FREE_FAILURES) {
      return false;
    }
    LocalDateTime last = toLocal(row[1]);
    Duration pause = pause(failures);
    return last.plus(pause).isAfter(nowUtc());
  }

  // Counted in its own transaction: the caller's refusal must not roll the count back.
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(String realm, String username) {
    em.createNativeQuery(
            "INSERT INTO login_failure (realm, username, failures, last_failure_at)"
                + " VALUES (?1, ?2, 1, ?3)"
                + " ON DUPLICATE KEY UPDATE failures = failures + 1, last_failure_at = ?3")
        .setParameter(1, realm)
        .setParameter(2, username)
        .setParameter(3, nowUtc())
        .executeUpdate();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void succeeded(String realm, String username) {
    em.createNativeQuery("DELETE FROM login_failure WHERE realm = ?1 AND username = ?2")
        .setParameter(1, realm)
        .setParameter(2, username)
        .executeUpdate();
  }

  static Duration pause(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 10);
    Duration pause = Duration.ofSeconds(1L << doublings);
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private LocalDateTime nowUtc() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static LocalDateTime toLocal(Object column) {
    if (column instanceof LocalDateTime local) {
      return local;
    }
    // The driver hands DATETIME back as a Timestamp built from the stored wall-clock value.
    return ((java.sql.Timestamp) column).toLocalDateTime();
  }
}
