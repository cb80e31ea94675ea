package org.iys.application.consentfile;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.iys.domain.consentfile.ConsentFileLine;

/** Keeps the lines of bulk consent files as the import job reads them. */
@Stateless
public class ConsentFileLines {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  public void store(List<ConsentFileLine> lines) {
    lines.forEach(em::persist);
  }

  public long count(long importId) {
    return em.createNamedQuery("ConsentFileLine.countByImport", Long.class)
        .setParameter("importId", importId)
        .getSingleResult();
  }
}
