package org.iys.domain.consent;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of one movement: 64 lower-case hexadecimal characters, unguessable, so that a
 * business cannot enumerate another's movements.
 */
public record TransactionId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public TransactionId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a transaction id is 64 lower-case hex characters");
    }
  }

  public static TransactionId random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new TransactionId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
