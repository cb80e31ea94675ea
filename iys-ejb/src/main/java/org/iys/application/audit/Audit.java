package org.iys.application.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.iys.domain.audit.AuditEntry;

/**
 * The trail of staff decisions. An entry is written in the transaction of the decision it records,
 * so there is never a decision without its entry, nor an entry for a decision that was rolled back.
 */
@Stateless
public class Audit {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public void record(
      String actor, String action, String subjectType, String subjectId, String detail) {
    em.persist(new AuditEntry(actor, action, subjectType, subjectId, detail, clock.instant()));
  }

  public List<AuditEntry> about(String subjectType, String subjectId) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE a.subjectType = :type AND a.subjectId = :id"
                + " ORDER BY a.id",
            AuditEntry.class)
        .setParameter("type", subjectType)
        .setParameter("id", subjectId)
        .getResultList();
  }
}
