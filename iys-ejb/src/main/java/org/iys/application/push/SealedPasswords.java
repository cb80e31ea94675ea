package org.iys.application.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook passwords as they rest in {@code push_registration}: AES-GCM with a fresh 96-bit nonce
 * each time, written as {@code gcm1:<key id>:<base64 of nonce and ciphertext>}. The registry must
 * send the password back to the receiver, so a one-way hash cannot serve.
 *
 * <p>Two keys exist. {@value #CONFIGURED} is the operator's key from configuration ({@value
 * #KEY_PROPERTY}, base64 of 16, 24 or 32 bytes); when it is set, everything new is sealed with it,
 * and a copy of the database alone then reveals no password. {@value #REGISTRY} is the registry's
 * own key in {@code registry_secret}, used when no key is configured: it keeps passwords out of
 * logs, exports and queries, but sits in the same database. The key id in each value says which one
 * opens it, so configuring a key later does not strand the rows sealed before.
 *
 * <p>Plain static code, because the schema migration that seals rows written before this existed
 * runs before any bean does.
 */
public final class SealedPasswords {

  public static final String KEY_PROPERTY = "iys.push.credential-key";

  /** The name of the registry's own key in {@code registry_secret}. */
  public static final String REGISTRY_SECRET = "push-credential";

  static final char CONFIGURED = 'c';
  static final char REGISTRY = 'r';

  private static final String PREFIX = "gcm1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  // Ties a sealed value to this use, so a value sealed for something else under the same key fails.
  private static final byte[] PURPOSE = "iys push password".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SealedPasswords() {}

  /** A key and the id written next to what it seals. */
  public record Key(char id, byte[] bytes) {}

  /**
   * The key new values are sealed with: the configured one if {@code configured} holds one,
   * otherwise the registry's, fetched through {@code registrySecret}.
   *
   * @throws IllegalStateException when the configured value is not base64 of an AES key length
   */
  public static Key sealingKey(Optional<String> configured, Function<String, byte[]> registry) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return new Key(CONFIGURED, decodeConfigured(configured.get()));
    }
    return new Key(REGISTRY, registry.apply(REGISTRY_SECRET));
  }

  public static String seal(Key key, String password) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.bytes(), nonce);
      byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
      byte[] whole = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, whole, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, whole, NONCE_BYTES, sealed.length);
      return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(whole);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing a push password failed", e);
    }
  }

  /**
   * The password inside a sealed value; {@code keys} gives the key bytes for a key id.
   *
   * @throws IllegalStateException when the value is not sealed, its key is missing, or it was
   *     altered
   */
  public static String open(String sealed, Function<Character, byte[]> keys) {
    if (sealed == null || !sealed.startsWith(PREFIX) || sealed.length() < PREFIX.length() + 3) {
      throw new IllegalStateException("a push password is not in sealed form");
    }
    char id = sealed.charAt(PREFIX.length());
    byte[] whole;
    try {
      whole = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + 2));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a sealed push password is damaged", e);
    }
    if (whole.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("a sealed push password is damaged");
    }
    byte[] key = keys.apply(id);
    if (key == null) {
      throw new IllegalStateException(
          "a push password was sealed with key '" + id + "', which is not available");
    }
    byte[] nonce = java.util.Arrays.copyOfRange(whole, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
      byte[] plain = cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed push password does not open with its key", e);
    }
  }

  /** Whether a stored value has the sealed form (not whether it opens). */
  public static boolean looksSealed(String stored) {
    return stored != null
        && stored.matches("gcm1:[" + CONFIGURED + REGISTRY + "]:[A-Za-z0-9+/]{38,}={0,2}");
  }

  static byte[] decodeConfigured(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY_PROPERTY + " is not base64", e);
    }
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalStateException(
          KEY_PROPERTY + " must hold 16, 24 or 32 bytes, not " + key.length);
    }
    return key;
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(PURPOSE);
    return cipher;
  }
}
