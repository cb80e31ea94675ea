package org.iys.application.citizen;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.consent.ConsentRecorder;
import org.iys.domain.business.Brand;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The notice an address receives when a business records a new ONAY for it, with a link that
 * rejects that consent in one step. A link is {@code <id>.<signature>}: the id names a stored row
 * (brand, address, channel, expiry, use), the signature is an HMAC-SHA256 of the id under the
 * registry's shared key, so a guessed or altered link is refused before the database is asked. The
 * address never appears in the link. A link works once, for 90 days; using it records {@code
 * IYS_EPOSTA} for an e-mail address and {@code IYS_MOBIL} for a phone number.
 *
 * <p>Configuration: {@code iys.citizen.public-url}, the registry's address as citizens reach it
 * (default {@code http://localhost:8080}), which the links start with.
 */
@Stateless
public class RejectLinks {

  private static final System.Logger LOG = System.getLogger(RejectLinks.class.getName());

  public static final Duration VALIDITY = Duration.ofDays(90);

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  @Inject private SigningKeys keys;

  @EJB private ConsentRecorder recorder;

  /** What a link is about, for the page that asks the citizen to confirm. */
  public record LinkView(String brandName, ConsentType type, Instant expires, boolean used) {}

  /** How using a link ended. */
  public enum Used {
    REJECTED,
    ALREADY_REJECTED
  }

  /**
   * @throws DomainException IYS315 for a link that is not genuine, IYS316 once expired
   */
  public LinkView show(String token) {
    Object[] link = find(token, false);
    return new LinkView(
        brandName(((Number) link[1]).intValue()),
        ConsentType.valueOf((String) link[4]),
        Utc.instant(link[5]),
        link[6] != null);
  }

  /**
   * Records the rejection the link stands for and spends the link.
   *
   * @throws DomainException IYS315 not genuine, IYS316 expired, IYS317 already used
   */
  public Used use(String token) {
    Object[] link = find(token, true);
    if (link[6] != null) {
      throw new DomainException(Violation.of(ErrorCode.IYS317));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    int iysCode = ((Number) link[0]).intValue();
    int brandCode = ((Number) link[1]).intValue();
    Recipient recipient = Recipient.any((String) link[2]);
    var key =
        new ConsentKey(
            brandCode,
            recipient,
            RecipientType.valueOf((String) link[3]),
            ConsentType.valueOf((String) link[4]));
    ConsentSource source =
        recipient.isPhoneNumber() ? ConsentSource.IYS_MOBIL : ConsentSource.IYS_EPOSTA;

    var attempt =
        recorder.attempt(
            iysCode,
            brandCode,
            ConsentChange.byRecipient(key, ConsentStatus.RET, source, now),
            now);
    em.createNativeQuery("UPDATE reject_link SET used_at = ? WHERE id = ?")
        .setParameter(1, Utc.column(now))
        .setParameter(2, token.substring(0, token.indexOf('.')))
        .executeUpdate();

    LOG.log(System.Logger.Level.INFO, "reject link used for brand {0}", brandCode);
    return attempt.isRecorded() ? Used.REJECTED : Used.ALREADY_REJECTED;
  }

  private Object[] find(String token, boolean lock) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot != 22
        || !Digests.sameText(token.substring(dot + 1), signature(token.substring(0, dot)))) {
      throw new DomainException(Violation.of(ErrorCode.IYS315));
    }
    Object[] link =
        (Object[])
            em.createNativeQuery(
                    "SELECT iys_code, brand_code, recipient, recipient_type, type, expires,"
                        + " used_at FROM reject_link WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, token.substring(0, dot))
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (link == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS315));
    }
    if (!clock.instant().isBefore(Utc.instant(link[5]))) {
      throw new DomainException(Violation.of(ErrorCode.IYS316));
    }
    return link;
  }

  private String signature(String id) {
    return signature(keys, id);
  }

  static String signature(SigningKeys keys, String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Digests.hmac(keys.key(SigningKeys.REJECT_LINKS), id));
  }

  private String brandName(int brandCode) {
    Brand brand = em.find(Brand.class, brandCode);
    return brand == null ? "Brand " + brandCode : brand.name();
  }

  static String publicUrl() {
    String url =
        ConfigProvider.getConfig()
            .getOptionalValue("iys.citizen.public-url", String.class)
            .orElse("http://localhost:8080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
