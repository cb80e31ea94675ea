package org.iys.domain.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hash chain over a brand's daily movement files. Each day's file has its own SHA-384 (what a
 * business checks the downloaded file against); each day's chain hash is the SHA-384 of the
 * previous day's chain hash, the day and that day's file hash. Rewriting any earlier day's
 * movements therefore changes every later chain hash, which is what makes the history
 * tamper-evident.
 *
 * <p>A brand's chain starts on the day of its first movement, after {@link #GENESIS}; every later
 * day has a link, an empty day included (its file is the header line alone).
 *
 * <p>Link input, all ASCII: {@code <previous chain hash> LF <yyyy-MM-dd> LF <file hash>}, every
 * hash lower-case hex.
 */
public final class MovementChain {

  /** The name the reference API gives the algorithm. */
  public static final String METHOD = "SHA-384";

  /** What the first day of a chain links to. */
  public static final String GENESIS = "0".repeat(96);

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{96}");

  private MovementChain() {}

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance(METHOD);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + METHOD, e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The lower-case hex SHA-384 of a whole file. */
  public static String fileHash(byte[] file) {
    MessageDigest digest = digest();
    digest.update(file);
    return hex(digest);
  }

  /** The chain hash of {@code day}, given the previous day's chain hash and the day's file hash. */
  public static String link(String previousChainHash, LocalDate day, String fileHash) {
    requireHash(previousChainHash);
    requireHash(fileHash);
    MessageDigest digest = digest();
    digest.update(
        (previousChainHash + "\n" + day + "\n" + fileHash).getBytes(StandardCharsets.US_ASCII));
    return hex(digest);
  }

  private static void requireHash(String hash) {
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-384: " + hash);
    }
  }
}
