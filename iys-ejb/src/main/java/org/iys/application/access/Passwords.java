package org.iys.application.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256, a random salt per password and enough
 * iterations to make guessing from a stolen table slow. The stored string carries its own
 * parameters, so raising the iteration count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

  // A deliberate cost of tens of milliseconds per check: paid once per token request or staff
  // request, never per consent call.
  static final int ITERATIONS = 60_000;

  @Inject private Pbkdf2PasswordHash hash;

  private String decoy;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = hash.generate("a password nobody has".toCharArray());
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String stored) {
    return password != null && hash.verify(password.toCharArray(), stored);
  }

  /** Spends the same time as a real check, so an unknown username is not told apart by timing. */
  public void waste(String password) {
    hash.verify((password == null ? "" : password).toCharArray(), decoy);
  }
}
