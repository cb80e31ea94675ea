package org.iys.application.citizen;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Keys the whole registry signs with, kept in the database: the first instance that needs a key
 * creates it, and an instance that loses that race reads the winner's. A key made in one JVM's
 * memory would make links signed by one instance fail on another, and die with a restart.
 */
@Stateless
public class RegistrySecrets {

  private static final int KEY_BYTES = 32;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public byte[] secret(String name) {
    byte[] candidate = new byte[KEY_BYTES];
    Digests.RANDOM.nextBytes(candidate);
    em.createNativeQuery(
            "INSERT IGNORE INTO registry_secret (name, secret, created) VALUES (?, ?, ?)")
        .setParameter(1, name)
        .setParameter(2, candidate)
        .setParameter(3, Utc.column(Instant.now()))
        .executeUpdate();
    return (byte[])
        em.createNativeQuery("SELECT secret FROM registry_secret WHERE name = ?")
            .setParameter(1, name)
            .getSingleResult();
  }
}
