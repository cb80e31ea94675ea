package org.iys.application.complaint;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Why queued complaints failed, by message id. Each failure is written in a transaction of its own,
 * because the message's transaction is about to roll back; so when the broker finally moves the
 * message to the dead-letter queue, its reason is already here for staff to read.
 */
@Stateless
public class ComplaintFailures {

  private static final int MAX_REASON = 1000;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String messageId, int deliveryCount, String reason) {
    String text = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    em.createNativeQuery(
            "INSERT INTO complaint_failure (message_id, delivery_count, reason, failed_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, messageId)
        .setParameter(2, deliveryCount)
        .setParameter(3, text)
        .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .executeUpdate();
  }

  /** The last recorded failure of a message. */
  public Optional<Failure> latest(String messageId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT reason, delivery_count, failed_at FROM complaint_failure"
                    + " WHERE message_id = ?1 ORDER BY id DESC LIMIT 1")
            .setParameter(1, messageId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Failure((String) row[0], ((Number) row[1]).intValue(), utc(row[2])));
  }

  // Instants are stored as UTC wall-clock time; the driver answers with either date-time type.
  private static Instant utc(Object dateTime) {
    LocalDateTime local =
        dateTime instanceof Timestamp timestamp
            ? timestamp.toLocalDateTime()
            : (LocalDateTime) dateTime;
    return local.toInstant(ZoneOffset.UTC);
  }

  /** One failed attempt. */
  public record Failure(String reason, int deliveryCount, Instant failedAt) {}
}
