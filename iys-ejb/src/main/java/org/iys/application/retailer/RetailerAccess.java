package org.iys.application.retailer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.retailer.PageRequest;
import org.iys.domain.retailer.Retailer;
import org.iys.domain.retailer.RetailerAccessRequest;

/**
 * Which retailers may see which consents. Access belongs to the consent's current state and is
 * changed without a movement: it says who may look, not what the recipient decided. Each consent
 * row is locked while its access changes, the same lock a consent add takes, so an add and an
 * access change on one key never overwrite each other.
 */
@Stateless
public class RetailerAccess {

  private static final System.Logger LOG = System.getLogger(RetailerAccess.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private Retailers retailers;

  private final Clock clock = Clock.systemUTC();

  /** The consent whose access changed: its latest transaction id, and when access changed. */
  public record Granted(String transactionId, Instant changedAt) {}

  /**
   * Gives the request's retailers access to its one consent, keeping those that have it already.
   *
   * @throws DomainException H180 for a retailer the brand does not have, H401 when the consent is
   *     not recorded
   */
  public Granted grant(int brandCode, RetailerAccessRequest request) {
    retailers.requireOwn(brandCode, request.retailerCodes(), ErrorCode.H180);
    Consent consent =
        locked(request.keys(brandCode).get(0))
            .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.H401)));
    consent.grantRetailerAccess(request.retailerCodes());
    logChange("granted", brandCode, 1);
    return new Granted(
        consent.transactionId().value(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Makes the request's retailers the only ones with access to each of its consents that is
   * recorded; recipients without a consent are passed over.
   *
   * @return how many consents were changed
   * @throws DomainException H180 for a retailer the brand does not have
   */
  public int replace(int brandCode, RetailerAccessRequest request) {
    retailers.requireOwn(brandCode, request.retailerCodes(), ErrorCode.H180);
    return each(brandCode, request, c -> c.replaceRetailerAccess(request.retailerCodes()));
  }

  /**
   * Takes the request's retailers' access away from each of its consents that is recorded.
   *
   * @return how many consents were changed
   * @throws DomainException H058 for a retailer the brand does not have
   */
  public int revoke(int brandCode, RetailerAccessRequest request) {
    retailers.requireOwn(brandCode, request.retailerCodes(), ErrorCode.H058);
    return each(brandCode, request, c -> c.revokeRetailerAccess(request.retailerCodes()));
  }

  /**
   * Takes every retailer's access away from each of the request's consents that is recorded.
   *
   * @return how many consents were changed
   */
  public int revokeAll(int brandCode, RetailerAccessRequest request) {
    return each(brandCode, request, Consent::revokeAllRetailerAccess);
  }

  /** The retailers with access to one consent, one page of them; empty for an unknown consent. */
  public Retailers.Page<Retailer> withAccess(ConsentKey key, PageRequest page) {
    Set<Integer> codes =
        find(key, LockModeType.NONE)
            .map(consent -> (Set<Integer>) new TreeSet<>(consent.retailerAccess()))
            .orElse(Set.of());
    return retailers.among(key.brandCode(), codes, page);
  }

  private int each(int brandCode, RetailerAccessRequest request, Consumer<Consent> change) {
    int changed = 0;
    for (ConsentKey key : request.keys(brandCode)) {
      Optional<Consent> consent = locked(key);
      if (consent.isPresent()) {
        Set<Integer> before = Set.copyOf(consent.get().retailerAccess());
        change.accept(consent.get());
        if (!before.equals(consent.get().retailerAccess())) {
          changed++;
        }
      }
    }
    logChange("changed", brandCode, changed);
    return changed;
  }

  private Optional<Consent> locked(ConsentKey key) {
    return find(key, LockModeType.PESSIMISTIC_WRITE);
  }

  private Optional<Consent> find(ConsentKey key, LockModeType lock) {
    return em.createNamedQuery(Consent.FIND_BY_KEY, Consent.class)
        .setParameter("brandCode", key.brandCode())
        .setParameter("recipient", key.recipient())
        .setParameter("recipientType", key.recipientType())
        .setParameter("type", key.type())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static void logChange(String what, int brandCode, int consents) {
    LOG.log(
        System.Logger.Level.INFO,
        "{0} retailer access on {1} consent(s) of brand {2}",
        what,
        consents,
        brandCode);
  }
}
