package org.iys.application.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's keys, read once per instance. Holding them in memory is safe: the database value
 * never changes, so every instance holds the same bytes.
 */
@ApplicationScoped
public class SigningKeys {

  /** Signs reject links. */
  static final String REJECT_LINKS = "reject-link";

  /** Keys the hashes of one-time codes, so a copy of the table does not reveal six-digit codes. */
  static final String CODES = "citizen-code";

  @EJB private RegistrySecrets secrets;

  private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();

  byte[] key(String name) {
    return keys.computeIfAbsent(name, secrets::secret);
  }
}
