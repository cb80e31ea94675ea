package org.iys.application.push;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.citizen.RegistrySecrets;

/**
 * Seals and opens webhook passwords for this instance (see {@link SealedPasswords}). The keys are
 * read once: the configured one comes from {@value SealedPasswords#KEY_PROPERTY}, the registry's
 * from the database, where every instance finds the same bytes.
 */
@ApplicationScoped
public class PushCredentials {

  @EJB private RegistrySecrets secrets;

  private volatile SealedPasswords.Key sealing;

  private volatile byte[] registryKey;

  public String seal(String password) {
    SealedPasswords.Key key = sealing;
    if (key == null) {
      key = SealedPasswords.sealingKey(configured(), name -> registryKey());
      sealing = key;
    }
    return SealedPasswords.seal(key, password);
  }

  public String open(String sealed) {
    return SealedPasswords.open(sealed, this::key);
  }

  private byte[] key(char id) {
    if (id == SealedPasswords.REGISTRY) {
      return registryKey();
    }
    if (id == SealedPasswords.CONFIGURED) {
      return configured().map(SealedPasswords::decodeConfigured).orElse(null);
    }
    return null;
  }

  private byte[] registryKey() {
    byte[] key = registryKey;
    if (key == null) {
      key = secrets.secret(SealedPasswords.REGISTRY_SECRET);
      registryKey = key;
    }
    return key;
  }

  static Optional<String> configured() {
    return ConfigProvider.getConfig()
        .getOptionalValue(SealedPasswords.KEY_PROPERTY, String.class)
        .filter(value -> !value.isBlank());
  }
}
