package org.iys.web.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iys.application.access.OAuthTokens;
import org.iys.application.access.OAuthTokens.TokenHolder;

/**
 * Checks bearer tokens cheaply. The database is the only authority; this instance remembers a token
 * it has already found valid for at most a minute (never past its expiry), so a busy client costs
 * one lookup a minute instead of one per request. Access tokens are never revoked before they
 * expire, so a remembered answer cannot be stale in a way that matters; should revocation be added,
 * a revoked token would live on here for at most {@link #REMEMBER}.
 */
@ApplicationScoped
public class AccessTokens {

  static final Duration REMEMBER = Duration.ofSeconds(60);

  private static final int MOST_REMEMBERED = 50_000;

  private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

  private final Clock clock = Clock.systemUTC();

  @EJB private OAuthTokens tokens;

  public Optional<TokenHolder> holder(String token) {
    String key = OAuthTokens.hash(token);
    Instant now = clock.instant();
    Remembered known = remembered.get(key);
    if (known != null && known.until().isAfter(now)) {
      return Optional.of(known.holder());
    }
    Optional<TokenHolder> holder = tokens.access(token);
    holder.ifPresentOrElse(h -> remember(key, h, now), () -> remembered.remove(key));
    return holder;
  }

  private void remember(String key, TokenHolder holder, Instant now) {
    if (remembered.size() >= MOST_REMEMBERED) {
      remembered.values().removeIf(r -> !r.until().isAfter(now));
      if (remembered.size() >= MOST_REMEMBERED) {
        remembered.clear();
      }
    }
    Instant until = now.plus(REMEMBER);
    remembered.put(
        key,
        new Remembered(holder, until.isBefore(holder.expiresAt()) ? until : holder.expiresAt()));
  }

  private record Remembered(TokenHolder holder, Instant until) {}
}
