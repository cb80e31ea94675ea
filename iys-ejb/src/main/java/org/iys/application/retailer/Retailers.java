package org.iys.application.retailer;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.retailer.PageRequest;
import org.iys.domain.retailer.Retailer;
import org.iys.domain.retailer.RetailerDetails;
import org.iys.domain.retailer.RetailerForm;

/**
 * A brand's retailers: created with a fresh 8-digit code, listed, read, and deleted only while no
 * consent names them. Also answers, with one indexed read, whether a consent's retailers are the
 * brand's own, which the consent adds ask before anything is stored.
 */
@Stateless
public class Retailers {

  private static final System.Logger LOG = System.getLogger(Retailers.class.getName());

  private static final int CODE_ATTEMPTS = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** A retailer with the number of consents it has access to. */
  public record Listed(Retailer retailer, long accessCount) {}

  /** One page of a list and how many there are in all. */
  public record Page<T>(List<T> list, long totalCount) {}

  /**
   * @throws DomainException the form's codes, H230/H231 for a MERSIS or identity number another
   *     retailer of the brand has, H067 when no free code was found
   */
  public Retailer create(int iysCode, int brandCode, Map<String, ?> body) {
    RetailerDetails details = RetailerForm.read(body);
    requireUnique(brandCode, details);
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      int code =
          Retailer.SMALLEST_CODE
              + RANDOM.nextInt(Retailer.LARGEST_CODE - Retailer.SMALLEST_CODE + 1);
      if (em.find(Retailer.class, code) == null) {
        Retailer retailer = new Retailer(code, iysCode, brandCode, details, clock.instant());
        em.persist(retailer);
        em.flush();
        LOG.log(System.Logger.Level.INFO, "created retailer {0} of brand {1}", code, brandCode);
        return retailer;
      }
    }
    throw new DomainException(Violation.of(ErrorCode.H067));
  }

  public Page<Listed> page(int brandCode, PageRequest page) {
    long total =
        em.createNamedQuery(Retailer.COUNT_OF_BRAND, Long.class)
            .setParameter("brandCode", brandCode)
            .getSingleResult();
    List<Retailer> retailers =
        em.createNamedQuery(Retailer.OF_BRAND, Retailer.class)
            .setParameter("brandCode", brandCode)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    return new Page<>(withAccessCounts(retailers), total);
  }

  public Optional<Listed> find(int brandCode, int retailerCode) {
    return own(brandCode, retailerCode, LockModeType.NONE)
        .map(retailer -> withAccessCounts(List.of(retailer)).get(0));
  }

  /**
   * @throws DomainException H058 when the brand has no such retailer, H061 while a consent names it
   *     as its mediator or gives it access
   */
  public void delete(int brandCode, int retailerCode) {
    Retailer retailer =
        own(brandCode, retailerCode, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> notFound(retailerCode));
    if (isLinked(brandCode, retailerCode)) {
      throw new DomainException(Violation.of(ErrorCode.H061, "retailerCode", retailerCode));
    }
    em.remove(retailer);
    LOG.log(System.Logger.Level.INFO, "deleted retailer {0} of brand {1}", retailerCode, brandCode);
  }

  /**
   * Refuses a consent change that names a retailer the brand does not have, with H180 at the field
   * that names it. A change naming no retailer costs nothing; one naming any costs one read of the
   * retailer table by its primary key.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void requireKnown(int brandCode, ConsentChange change) {
    List<Violation> unknown = unknownIn(change, known(brandCode, codesOf(change)));
    if (!unknown.isEmpty()) {
      throw new DomainException(unknown);
    }
  }

  /** Like {@link #requireKnown} for a bulk list, each fault at its item's index. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void requireKnownInAll(int brandCode, List<ConsentChange> changes) {
    Set<Integer> named = new HashSet<>();
    changes.forEach(change -> named.addAll(codesOf(change)));
    if (named.isEmpty()) {
      return;
    }
    Set<Integer> known = known(brandCode, named);
    List<Violation> unknown = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      int index = i;
      unknownIn(changes.get(i), known).forEach(v -> unknown.add(v.atIndex(index)));
    }
    if (!unknown.isEmpty()) {
      throw new DomainException(unknown);
    }
  }

  /**
   * @param status H180 (403) when giving access, H058 (404) when taking it away, as the reference
   *     answers each
   * @throws DomainException with the code at each retailer the brand does not have
   */
  public void requireOwn(int brandCode, List<Integer> retailerCodes, ErrorCode status) {
    Set<Integer> known = known(brandCode, new HashSet<>(retailerCodes));
    List<Violation> unknown = new ArrayList<>();
    for (int i = 0; i < retailerCodes.size(); i++) {
      if (!known.contains(retailerCodes.get(i))) {
        unknown.add(
            Violation.of(status, "retailerAccess", retailerCodes.get(i))
                .withLocation(List.of("retailerAccess", i)));
      }
    }
    if (!unknown.isEmpty()) {
      throw new DomainException(unknown);
    }
  }

  /** The brand's retailers among these codes, in code order, one page of them. */
  public Page<Retailer> among(int brandCode, Collection<Integer> codes, PageRequest page) {
    if (codes.isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    List<Retailer> retailers =
        em.createQuery(
                "SELECT r FROM Retailer r WHERE r.brandCode = :brandCode"
                    + " AND r.retailerCode IN :codes ORDER BY r.retailerCode",
                Retailer.class)
            .setParameter("brandCode", brandCode)
            .setParameter("codes", codes)
            .setFirstResult(page.offset())
            .setMaxResults(page.limit())
            .getResultList();
    return new Page<>(retailers, known(brandCode, new HashSet<>(codes)).size());
  }

  private Optional<Retailer> own(int brandCode, int retailerCode, LockModeType lock) {
    Retailer retailer = em.find(Retailer.class, retailerCode, lock);
    return retailer != null && retailer.brandCode() == brandCode
        ? Optional.of(retailer)
        : Optional.empty();
  }

  private boolean isLinked(int brandCode, int retailerCode) {
    List<?> mediated =
        em.createNativeQuery(
                "SELECT 1 FROM consent WHERE brand_code = ? AND retailer_code = ? LIMIT 1")
            .setParameter(1, brandCode)
            .setParameter(2, retailerCode)
            .getResultList();
    if (!mediated.isEmpty()) {
      return true;
    }
    return !em.createNativeQuery(
            "SELECT 1 FROM consent_retailer_access WHERE retailer_code = ? LIMIT 1")
        .setParameter(1, retailerCode)
        .getResultList()
        .isEmpty();
  }

  private List<Listed> withAccessCounts(List<Retailer> retailers) {
    if (retailers.isEmpty()) {
      return List.of();
    }
    List<Integer> codes = retailers.stream().map(Retailer::retailerCode).toList();
    Query query =
        em.createNativeQuery(
            "SELECT retailer_code, COUNT(*) FROM consent_retailer_access"
                + " WHERE retailer_code IN ("
                + placeholders(codes.size())
                + ") GROUP BY retailer_code");
    for (int i = 0; i < codes.size(); i++) {
      query.setParameter(i + 1, codes.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Integer, Long> counts = new HashMap<>();
    rows.forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
    return retailers.stream()
        .map(r -> new Listed(r, counts.getOrDefault(r.retailerCode(), 0L)))
        .toList();
  }

  /** Which of these codes name retailers of the brand; one read, none for no codes. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<Integer> knownAmong(int brandCode, Collection<Integer> codes) {
    return known(brandCode, codes);
  }

  private Set<Integer> known(int brandCode, Collection<Integer> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    List<Integer> found =
        em.createQuery(
                "SELECT r.retailerCode FROM Retailer r WHERE r.retailerCode IN :codes"
                    + " AND r.brandCode = :brandCode",
                Integer.class)
            .setParameter("codes", codes)
            .setParameter("brandCode", brandCode)
            .getResultList();
    return new HashSet<>(found);
  }

  private void requireUnique(int brandCode, RetailerDetails details) {
    List<Violation> taken = new ArrayList<>();
    if (taken(brandCode, "tckn", details.tckn())) {
      taken.add(Violation.of(ErrorCode.H231, "tckn", details.tckn()));
    }
    if (details.mersis() != null && taken(brandCode, "mersis", details.mersis())) {
      taken.add(Violation.of(ErrorCode.H230, "mersis", details.mersis()));
    }
    if (!taken.isEmpty()) {
      throw new DomainException(taken);
    }
  }

  private boolean taken(int brandCode, String column, String value) {
    return !em.createNativeQuery(
            "SELECT 1 FROM retailer WHERE brand_code = ? AND " + column + " = ? LIMIT 1")
        .setParameter(1, brandCode)
        .setParameter(2, value)
        .getResultList()
        .isEmpty();
  }

  /** Whether a change names any retailer, as its mediator or for access; free to ask. */
  public static boolean namesAny(ConsentChange change) {
    return change.retailerCode() != null || !change.retailerAccess().isEmpty();
  }

  /** Every retailer code a change names, as its mediator or for access. */
  public static Set<Integer> codesOf(ConsentChange change) {
    Set<Integer> codes = new HashSet<>(change.retailerAccess());
    if (change.retailerCode() != null) {
      codes.add(change.retailerCode());
    }
    return codes;
  }

  /** H180 at each retailer the change names that is not among {@code known}. */
  public static List<Violation> unknownIn(ConsentChange change, Set<Integer> known) {
    List<Violation> unknown = new ArrayList<>();
    if (change.retailerCode() != null && !known.contains(change.retailerCode())) {
      unknown.add(Violation.of(ErrorCode.H180, "retailerCode", change.retailerCode()));
    }
    List<Integer> access = change.retailerAccess();
    for (int i = 0; i < access.size(); i++) {
      if (!known.contains(access.get(i))) {
        unknown.add(
            Violation.of(ErrorCode.H180, "retailerAccess", access.get(i))
                .withLocation(List.of("retailerAccess", i)));
      }
    }
    return unknown;
  }

  private static DomainException notFound(int retailerCode) {
    return new DomainException(Violation.of(ErrorCode.H058, "retailerCode", retailerCode));
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
