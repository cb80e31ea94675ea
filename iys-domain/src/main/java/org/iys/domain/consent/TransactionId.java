package org.iys.domain.consent;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of one movement: 64 lower-case hexadecimal characters, unguessable, so that a
 * business cannot enumerate another's movements.
 */
public record TransactionId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

  // The default SecureRandom on Linux (NativePRNG) serialises every caller in the JVM on one lock;
  // under load, request threads queued there. Several independent DRBG instances, chosen by
  // thread, keep ids as unguessable while callers rarely meet on one lock.
  private static final SecureRandom[] RANDOMS = new SecureRandom[8];

  static {
    for (int i = 0; i < RANDOMS.length; i++) {
      try {
        RANDOMS[i] = SecureRandom.getInstance("DRBG");
      } catch (NoSuchAlgorithmException absent) {
        RANDOMS[i] = new SecureRandom();
      }
    }
  }

  public TransactionId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a transaction id is 64 lower-case hex characters");
    }
  }

  public static TransactionId random() {
    byte[] bytes = new byte[32];
    RANDOMS[(int) (Thread.currentThread().getId() & (RANDOMS.length - 1))].nextBytes(bytes);
    return new TransactionId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
