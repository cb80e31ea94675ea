package org.iys.application.citizen;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A citizen's session: a bearer token over the addresses proven with one-time codes. Only the
 * token's SHA-256 is stored (a token is 256 random bits, so no salt or slow hash is needed), and
 * the rows live in the database, so any instance recognises a token another one issued.
 */
@Stateless
public class CitizenSessions {

  /** How long a session lasts from its first proven address. */
  public static final Duration LENGTH = Duration.ofHours(2);

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  /** The addresses proven in the session of {@code token}, if the session exists and lasts. */
  public Optional<List<String>> addresses(String token) {
    Optional<Long> session = live(token);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<String> addresses =
        em.createNativeQuery(
                "SELECT address FROM citizen_session_address WHERE session_id = ?"
                    + " ORDER BY verified_at, address")
            .setParameter(1, session.get())
            .getResultList();
    return Optional.of(addresses);
  }

  /**
   * Adds a proven address to the session of {@code presented} if that session still lasts, else
   * opens a new one; answers the token that now covers the address.
   */
  public String join(String presented, String address, Instant now) {
    Optional<Long> existing = live(presented);
    String token = presented;
    long session;
    if (existing.isPresent()) {
      session = existing.get();
    } else {
      token = Digests.token(32);
      em.createNativeQuery(
              "INSERT INTO citizen_session (token_hash, created, expires) VALUES (?, ?, ?)")
          .setParameter(1, Digests.sha256(token))
          .setParameter(2, Utc.column(now))
          .setParameter(3, Utc.column(now.plus(LENGTH)))
          .executeUpdate();
      session =
          ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }
    em.createNativeQuery(
            "INSERT IGNORE INTO citizen_session_address (session_id, address, verified_at)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, session)
        .setParameter(2, address)
        .setParameter(3, Utc.column(now))
        .executeUpdate();
    return token;
  }

  private Optional<Long> live(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNativeQuery(
            "SELECT id FROM citizen_session WHERE token_hash = ? AND expires > ?")
        .setParameter(1, Digests.sha256(token))
        .setParameter(2, Utc.column(clock.instant()))
        .getResultStream()
        .findFirst()
        .map(id -> ((Number) id).longValue());
  }
}
