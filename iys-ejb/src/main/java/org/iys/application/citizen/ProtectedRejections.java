package org.iys.application.citizen;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iys.application.consent.ConsentSignals;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;

/**
 * Every business ONAY the registry refused because the recipient had rejected the brand through the
 * registry itself (IYS001). Staff watch this list: repeated attempts by one business are a sign it
 * keeps messaging people who said no.
 */
@Stateless
public class ProtectedRejections {

  private static final System.Logger LOG = System.getLogger(ProtectedRejections.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  /** One refused attempt. */
  public record Attempt(
      long id,
      int iysCode,
      int brandCode,
      String recipient,
      RecipientType recipientType,
      ConsentType type,
      Instant attemptedAt) {}

  /**
   * Stored in a transaction of its own: the refusal rolls the business's request back, and the
   * record of the attempt must outlive that.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refused(@Observes ConsentSignals.ProtectedRejectionRefused event) {
    store(event);
  }

  /**
   * Stored in the caller's transaction, for paths where the refusal is itself a result that is
   * committed (a bulk file's report row): the attempt is then listed exactly when the report says
   * so, and a chunk that is rolled back and applied again does not list it twice.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void refusedWithin(ConsentSignals.ProtectedRejectionRefused event) {
    store(event);
  }

  private void store(ConsentSignals.ProtectedRejectionRefused event) {
    ConsentKey key = event.key();
    em.createNativeQuery(
            "INSERT INTO protected_rejection (iys_code, brand_code, recipient, recipient_type,"
                + " type, attempted_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, event.iysCode())
        .setParameter(2, key.brandCode())
        .setParameter(3, key.recipient().address())
        .setParameter(4, key.recipientType().name())
        .setParameter(5, key.type().name())
        .setParameter(6, Utc.column(event.at()))
        .executeUpdate();
    LOG.log(
        System.Logger.Level.INFO,
        "refused an ONAY of business {0} over a protected rejection for brand {1}",
        event.iysCode(),
        key.brandCode());
  }

  /** The newest attempts first; {@code beforeId} pages back through older ones. */
  public List<Attempt> latest(int limit, Long beforeId) {
    var query =
        em.createNativeQuery(
                "SELECT id, iys_code, brand_code, recipient, recipient_type, type, attempted_at"
                    + " FROM protected_rejection"
                    + (beforeId == null ? "" : " WHERE id < ?2")
                    + " ORDER BY id DESC LIMIT ?1")
            .setParameter(1, limit);
    if (beforeId != null) {
      query.setParameter(2, beforeId);
    }
    List<Attempt> attempts = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      attempts.add(
          new Attempt(
              ((Number) c[0]).longValue(),
              ((Number) c[1]).intValue(),
              ((Number) c[2]).intValue(),
              (String) c[3],
              RecipientType.valueOf((String) c[4]),
              ConsentType.valueOf((String) c[5]),
              Utc.instant(c[6])));
    }
    return attempts;
  }
}
