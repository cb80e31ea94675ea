package org.iys.application.citizen;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.iys.application.consent.ConsentService;
import org.iys.application.consent.Recorded;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentRefusedException;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * A citizen's view of and say over the consents of the addresses they proved. Changes are movements
 * like any other, recorded through {@link ConsentService} under the same state rules; only their
 * sources are the registry's own: {@code IYS_MOBIL} from the app, {@code IYS_WEB_YENI} on the web
 * when the address had nothing at all with the brand yet, {@code IYS_WEB} otherwise.
 */
@Stateless
public class CitizenConsents {

  private static final System.Logger LOG = System.getLogger(CitizenConsents.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private ConsentService consents;

  /** Where the citizen acts from. */
  public enum Channel {
    WEB,
    MOBILE
  }

  /** One brand's consent for one address and channel, as the citizen sees it. */
  public record CitizenConsent(
      int brandCode,
      String brandName,
      String recipient,
      ConsentType type,
      RecipientType recipientType,
      ConsentStatus status,
      Instant since,
      ConsentSource source) {}

  /** Every brand's consent for the addresses, by brand name. */
  public List<CitizenConsent> of(Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(addresses.size(), "?"));
    var query =
        em.createNativeQuery(
            "SELECT c.brand_code, b.name, c.recipient, c.type, c.recipient_type, c.status,"
                + " COALESCE(c.consent_date, c.creation_date), c.source"
                + " FROM consent c JOIN brand b ON b.brand_code = c.brand_code"
                + " WHERE c.recipient IN ("
                + marks
                + ") ORDER BY b.name, c.brand_code, c.recipient, c.type, c.recipient_type");
    int position = 1;
    for (String address : addresses) {
      query.setParameter(position++, address);
    }
    List<CitizenConsent> found = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      found.add(
          new CitizenConsent(
              ((Number) c[0]).intValue(),
              (String) c[1],
              (String) c[2],
              ConsentType.valueOf((String) c[3]),
              RecipientType.valueOf((String) c[4]),
              ConsentStatus.valueOf((String) c[5]),
              Utc.instant(c[6]),
              c[7] == null ? null : ConsentSource.valueOf((String) c[7])));
    }
    return found;
  }

  /**
   * Grants or rejects one brand's messages of one type to one of the proven addresses.
   *
   * @throws DomainException IYS310 when the address is not among {@code verified}, IYS311 for an
   *     unknown brand, or the state rules' codes (H174 when already in that status)
   */
  public Recorded change(
      Collection<String> verified,
      String recipientText,
      int brandCode,
      ConsentType type,
      RecipientType recipientType,
      ConsentStatus status,
      Channel channel) {
    Recipient recipient = Recipient.forType(type, recipientText);
    requireVerified(verified, recipient);
    ConsentSource source = source(channel, brandCode, recipient);

    Recorded recorded =
        consents.byRecipient(
            new ConsentKey(brandCode, recipient, recipientType, type), status, source);

    LOG.log(
        System.Logger.Level.INFO,
        "citizen recorded {0} for brand {1} as {2}",
        status,
        brandCode,
        recorded.transactionId());
    return recorded;
  }

  /**
   * Rejects every brand's ONAY on one proven address.
   *
   * @return how many consents turned to RET
   */
  public int rejectAll(Collection<String> verified, String recipientText, Channel channel) {
    Recipient recipient = recipientText == null ? null : Recipient.any(recipientText.strip());
    if (recipient == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS312, "recipient", null));
    }
    requireVerified(verified, recipient);
    ConsentSource source =
        channel == Channel.MOBILE ? ConsentSource.IYS_MOBIL : ConsentSource.IYS_WEB;
    int rejected = 0;
    for (CitizenConsent consent : of(List.of(recipient.address()))) {
      if (consent.status() != ConsentStatus.ONAY) {
        continue;
      }
      var key =
          new ConsentKey(consent.brandCode(), recipient, consent.recipientType(), consent.type());
      try {
        consents.byRecipient(key, ConsentStatus.RET, source);
        rejected++;
      } catch (ConsentRefusedException alreadyChanged) {
        // Rejected meanwhile (another tab, an SMS keyword): the outcome the citizen wants.
      }
    }
    LOG.log(System.Logger.Level.INFO, "citizen rejected {0} consents at once", rejected);
    return rejected;
  }

  private ConsentSource source(Channel channel, int brandCode, Recipient recipient) {
    if (channel == Channel.MOBILE) {
      return ConsentSource.IYS_MOBIL;
    }
    Number known =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM consent WHERE brand_code = ? AND recipient = ?")
                .setParameter(1, brandCode)
                .setParameter(2, recipient.address())
                .getSingleResult();
    return known.longValue() == 0 ? ConsentSource.IYS_WEB_YENI : ConsentSource.IYS_WEB;
  }

  private static void requireVerified(Collection<String> verified, Recipient recipient) {
    if (!verified.contains(recipient.address())) {
      throw new DomainException(Violation.of(ErrorCode.IYS310, "recipient", recipient.address()));
    }
  }
}
