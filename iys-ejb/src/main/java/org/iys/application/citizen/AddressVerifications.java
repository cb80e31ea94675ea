package org.iys.application.citizen;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.outbox.Outbox;
import org.iys.domain.consent.Recipient;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * How a citizen proves an address: a six-digit code goes to it through the outbox (SMS for a phone
 * number, e-mail for an e-mail address) and comes back within 15 minutes, with at most three wrong
 * tries. Codes are kept only as keyed hashes. Requests for codes are limited per address and per
 * client, in database counters, so that nobody can flood a stranger's phone from several instances.
 *
 * <p>Configuration: {@code iys.citizen.codes-per-address-per-hour} (default 5) and {@code
 * iys.citizen.codes-per-client-per-hour} (default 30).
 */
@Stateless
public class AddressVerifications {

  private static final System.Logger LOG = System.getLogger(AddressVerifications.class.getName());

  public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

  public static final int WRONG_TRIES_ALLOWED = 3;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  @Inject private SigningKeys keys;

  @EJB private Outbox outbox;

  @EJB private CitizenThrottle throttle;

  @EJB private CitizenSessions sessions;

  /** A code on its way: the id to confirm it under, and when it stops being accepted. */
  public record Started(String verificationId, Instant expires) {}

  /** How a confirmation ended. Only {@code CONFIRMED} carries a token. */
  public enum Outcome {
    CONFIRMED,
    WRONG_CODE,
    EXPIRED,
    TOO_MANY_TRIES,
    ALREADY_CONFIRMED,
    UNKNOWN
  }

  /**
   * @param token the session token covering the address, on {@code CONFIRMED}
   * @param addresses every address of that session, on {@code CONFIRMED}
   * @param triesLeft wrong tries still allowed, on {@code WRONG_CODE}
   */
  public record Confirmation(
      Outcome outcome, String token, List<String> addresses, int triesLeft) {}

  /**
   * Sends a new code to the address.
   *
   * @param client the caller's network address, for the per-client limit
   * @throws DomainException IYS301 for no address, H120/H121 for a malformed one, 429 with IYS303
   *     or IYS302 once the client's or the address's hourly allowance is spent
   */
  public Started start(String addressText, String client) {
    Recipient address = address(addressText);
    Instant now = clock.instant();
    if (!throttle.allow("client:" + client, perHour("codes-per-client-per-hour", 30), now)) {
      throw new DomainException(Violation.of(ErrorCode.IYS303));
    }
    String addressBucket = "address:" + Digests.sha256(address.address());
    if (!throttle.allow(addressBucket, perHour("codes-per-address-per-hour", 5), now)) {
      throw new DomainException(Violation.of(ErrorCode.IYS302));
    }

    String id = randomId();
    String code = String.format(Locale.ROOT, "%06d", Digests.RANDOM.nextInt(1_000_000));
    Instant expires = now.plus(CODE_VALIDITY);
    em.createNativeQuery(
            "INSERT INTO citizen_verification (id, address, code_hash, created, expires)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, address.address())
        .setParameter(3, codeHash(id, code))
        .setParameter(4, Utc.column(now))
        .setParameter(5, Utc.column(expires))
        .executeUpdate();
    outbox.toAddress(
        address.address(),
        "Your iys verification code is " + code + ". It is valid for 15 minutes.");

    LOG.log(System.Logger.Level.INFO, "sent verification code {0}", id);
    return new Started(id, expires);
  }

  /**
   * Checks a code. A wrong code is counted and the count is kept, so this answers an outcome
   * instead of throwing (a thrown refusal would roll the count back).
   *
   * @param presentedToken a session the citizen already holds, to add the address to; or null
   */
  public Confirmation confirm(String verificationId, String code, String presentedToken) {
    Object[] row =
        verificationId == null || verificationId.length() != 32
            ? null
            : (Object[])
                em.createNativeQuery(
                        "SELECT address, code_hash, expires, wrong_tries, confirmed_at"
                            + " FROM citizen_verification WHERE id = ? FOR UPDATE")
                    .setParameter(1, verificationId)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
    if (row == null) {
      return refused(Outcome.UNKNOWN, 0);
    }
    Instant now = clock.instant();
    int wrongTries = ((Number) row[3]).intValue();
    if (row[4] != null) {
      return refused(Outcome.ALREADY_CONFIRMED, 0);
    }
    if (wrongTries >= WRONG_TRIES_ALLOWED) {
      return refused(Outcome.TOO_MANY_TRIES, 0);
    }
    if (!now.isBefore(Utc.instant(row[2]))) {
      return refused(Outcome.EXPIRED, 0);
    }
    if (code == null
        || !Digests.sameText(codeHash(verificationId, code.strip()), (String) row[1])) {
      em.createNativeQuery(
              "UPDATE citizen_verification SET wrong_tries = wrong_tries + 1 WHERE id = ?")
          .setParameter(1, verificationId)
          .executeUpdate();
      return refused(Outcome.WRONG_CODE, WRONG_TRIES_ALLOWED - wrongTries - 1);
    }

    em.createNativeQuery("UPDATE citizen_verification SET confirmed_at = ? WHERE id = ?")
        .setParameter(1, Utc.column(now))
        .setParameter(2, verificationId)
        .executeUpdate();
    String token = sessions.join(presentedToken, (String) row[0], now);
    LOG.log(System.Logger.Level.INFO, "confirmed verification {0}", verificationId);
    return new Confirmation(
        Outcome.CONFIRMED, token, sessions.addresses(token).orElse(List.of()), 0);
  }

  static Recipient address(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException(Violation.of(ErrorCode.IYS301, "address", text));
    }
    String clean = text.strip();
    return clean.indexOf('@') >= 0 ? Recipient.email(clean) : Recipient.phone(clean);
  }

  private String codeHash(String id, String code) {
    return HexFormat.of().formatHex(Digests.hmac(keys.key(SigningKeys.CODES), id + ":" + code));
  }

  private static String randomId() {
    byte[] random = new byte[16];
    Digests.RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static Confirmation refused(Outcome outcome, int triesLeft) {
    return new Confirmation(outcome, null, List.of(), triesLeft);
  }

  private static int perHour(String key, int fallback) {
    return ConfigProvider.getConfig()
        .getOptionalValue("iys.citizen." + key, Integer.class)
        .orElse(fallback);
  }
}
