package org.iys.application.access;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.iys.domain.access.ApiUser;

/**
 * OAuth2 tokens for API users: the password grant and the refresh_token grant. Tokens are opaque
 * random strings; the database keeps only their SHA-256, the business they reach and when they
 * expire, so any instance can check a token another instance issued. A refresh token is spent the
 * moment it is used (an atomic update that only one request can win) and replaced by a new pair.
 */
@Stateless
public class OAuthTokens {

  public static final Duration ACCESS_LIFETIME = Duration.ofHours(2);
  public static final Duration REFRESH_LIFETIME = Duration.ofHours(4);

  static final String REALM = "API";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Passwords passwords;

  @Inject private LoginThrottle throttle;

  private final Clock clock = Clock.systemUTC();

  public TokenPair password(String username, String password) {
    if (!Usernames.wellFormed(username) || throttle.paused(REALM, username)) {
      passwords.waste(password);
      throw invalidCredentials();
    }
    var user =
        em.createNamedQuery("ApiUser.byUsername", ApiUser.class)
            .setParameter("username", username)
            .getResultStream()
            .findFirst();
    if (user.isEmpty()) {
      passwords.waste(password);
      throttle.failed(REALM, username);
      throw invalidCredentials();
    }
    if (!passwords.matches(password, user.get().passwordHash())) {
      throttle.failed(REALM, username);
      throw invalidCredentials();
    }
    throttle.succeeded(REALM, username);
    return issue(user.get().id(), user.get().iysCode());
  }

  public TokenPair refresh(String refreshToken) {
    String hash = hash(refreshToken);
    LocalDateTime now = utc(clock.instant());
    List<?> rows =
        em.createNativeQuery(
                "SELECT api_user_id, iys_code FROM oauth_token"
                    + " WHERE token_hash = ?1 AND kind = 'R' AND used_at IS NULL"
                    + " AND expires_at > ?2")
            .setParameter(1, hash)
            .setParameter(2, now)
            .getResultList();
    int spent =
        rows.isEmpty()
            ? 0
            : em.createNativeQuery(
                    "UPDATE oauth_token SET used_at = ?2"
                        + " WHERE token_hash = ?1 AND kind = 'R' AND used_at IS NULL")
                .setParameter(1, hash)
                .setParameter(2, now)
                .executeUpdate();
    if (spent != 1) {
      throw new TokenRefusal(
          TokenRefusal.INVALID_GRANT, "The refresh token is invalid, expired or already used.");
    }
    Object[] row = (Object[]) rows.get(0);
    return issue(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
  }

  /** The holder of a valid access token, or empty for an unknown or expired one. */
  public Optional<TokenHolder> access(String accessToken) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT iys_code, api_user_id, TIMESTAMPDIFF(SECOND, ?2, expires_at)"
                    + " FROM oauth_token WHERE token_hash = ?1 AND kind = 'A'"
                    + " AND expires_at > ?2")
            .setParameter(1, hash(accessToken))
            .setParameter(2, utc(clock.instant()))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    Instant expiresAt = clock.instant().plusSeconds(((Number) row[2]).longValue());
    return Optional.of(
        new TokenHolder(((Number) row[0]).intValue(), ((Number) row[1]).longValue(), expiresAt));
  }

  // Expired tokens are worthless; every instance runs this, and deleting twice is harmless.
  @Schedule(hour = "*", minute = "17", persistent = false)
  void forgetExpired() {
    em.createNativeQuery("DELETE FROM oauth_token WHERE expires_at < ?1")
        .setParameter(1, utc(clock.instant().minus(Duration.ofDays(1))))
        .executeUpdate();
  }

  private TokenPair issue(long apiUserId, int iysCode) {
    Instant now = clock.instant();
    String access = newToken();
    String refresh = newToken();
    store(access, 'A', apiUserId, iysCode, now, now.plus(ACCESS_LIFETIME));
    store(refresh, 'R', apiUserId, iysCode, now, now.plus(REFRESH_LIFETIME));
    return new TokenPair(
        access, ACCESS_LIFETIME.toSeconds(), refresh, REFRESH_LIFETIME.toSeconds(), iysCode);
  }

  private void store(
      String token, char kind, long apiUserId, int iysCode, Instant issued, Instant expires) {
    em.createNativeQuery(
            "INSERT INTO oauth_token"
                + " (token_hash, kind, api_user_id, iys_code, issued_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, hash(token))
        .setParameter(2, String.valueOf(kind))
        .setParameter(3, apiUserId)
        .setParameter(4, iysCode)
        .setParameter(5, utc(issued))
        .setParameter(6, utc(expires))
        .executeUpdate();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The form a token is stored and looked up in. */
  public static String hash(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static TokenRefusal invalidCredentials() {
    return new TokenRefusal(TokenRefusal.INVALID_REQUEST, "The user credentials are invalid.");
  }

  /** A freshly issued access and refresh token with their lifetimes in seconds. */
  public record TokenPair(
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      int iysCode) {}

  /** Whom an access token speaks for, and until when. */
  public record TokenHolder(int iysCode, long apiUserId, Instant expiresAt) {}
}
