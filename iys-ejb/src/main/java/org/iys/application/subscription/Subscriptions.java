package org.iys.application.subscription;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iys.application.audit.Audit;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.subscription.Subscription;
import org.iys.domain.subscription.SubscriptionChange;
import org.iys.domain.subscription.SubscriptionStatus;

/**
 * The subscription of each business and the share of its consent quota in use. A business gets the
 * configured package when it is approved; the count of addresses in use is computed when asked, so
 * adding a consent never has to keep a counter.
 */
@Stateless
public class Subscriptions {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private Audit audit;

  @Inject
  @ConfigProperty(name = "iys.subscription.package-name", defaultValue = "IYS Standard")
  private String packageName;

  @Inject
  @ConfigProperty(name = "iys.subscription.consent-limit", defaultValue = "250000")
  private int consentLimit;

  @Inject
  @ConfigProperty(name = "iys.subscription.consent-limit-exceed", defaultValue = "false")
  private boolean consentLimitExceed;

  @Inject
  @ConfigProperty(name = "iys.subscription.months", defaultValue = "12")
  private int months;

  /** A subscription with the number of distinct addresses holding a consent of the business. */
  public record Standing(Subscription subscription, long usedConsentLimit) {}

  /** Opens the configured package for a newly approved business, running from {@code now}. */
  public void open(int iysCode, Instant now) {
    LocalDateTime start = utc(now.truncatedTo(ChronoUnit.SECONDS));
    em.createNativeQuery(
            "INSERT INTO subscription (iys_code, subscription_id, package_name, status,"
                + " start_date, expiration_date, consent_limit, consent_limit_exceed)"
                + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?)")
        .setParameter(1, iysCode)
        .setParameter(2, UUID.randomUUID().toString())
        .setParameter(3, packageName)
        .setParameter(4, start)
        .setParameter(5, start.plusMonths(months))
        .setParameter(6, consentLimit)
        .setParameter(7, consentLimitExceed)
        .executeUpdate();
  }

  public Optional<Standing> standing(int iysCode) {
    return subscription(iysCode, false)
        .map(subscription -> new Standing(subscription, usedAddresses(iysCode)));
  }

  /** The subscription alone, without counting the addresses in use. */
  public Optional<Subscription> subscription(int iysCode) {
    return subscription(iysCode, false);
  }

  /**
   * Makes a staff member's change to a business's subscription.
   *
   * @throws DomainException H437 when the business has no subscription
   */
  public Standing change(int iysCode, SubscriptionChange change, String staff) {
    Subscription changed =
        change.applyTo(
            subscription(iysCode, true)
                .orElseThrow(
                    () -> new DomainException(Violation.of(ErrorCode.H437, "iysCode", iysCode))));
    em.createNativeQuery(
            "UPDATE subscription SET status = ?, expiration_date = ?, consent_limit = ?,"
                + " consent_limit_exceed = ? WHERE iys_code = ?")
        .setParameter(1, changed.storedStatus().name())
        .setParameter(2, utc(changed.expirationDate()))
        .setParameter(3, changed.consentLimit())
        .setParameter(4, changed.consentLimitExceed())
        .setParameter(5, iysCode)
        .executeUpdate();
    audit.record(
        staff,
        "SUBSCRIPTION_CHANGED",
        "subscription",
        String.valueOf(iysCode),
        changed.storedStatus()
            + ", consentLimit "
            + changed.consentLimit()
            + (changed.consentLimitExceed() ? " (may be exceeded)" : "")
            + ", expires "
            + changed.expirationDate());
    return new Standing(changed, usedAddresses(iysCode));
  }

  private Optional<Subscription> subscription(int iysCode, boolean forUpdate) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subscription_id, package_name, status, start_date, expiration_date,"
                    + " consent_limit, consent_limit_exceed FROM subscription WHERE iys_code = ?"
                    + (forUpdate ? " FOR UPDATE" : ""))
            .setParameter(1, iysCode)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    return Optional.of(
        new Subscription(
            (String) row[0],
            (String) row[1],
            SubscriptionStatus.valueOf((String) row[2]),
            instant(row[3]),
            instant(row[4]),
            ((Number) row[5]).intValue(),
            truth(row[6])));
  }

  // Through the brands, so that the consent table's key (brand first) serves the count.
  private long usedAddresses(int iysCode) {
    Object count =
        em.createNativeQuery(
                "SELECT COUNT(DISTINCT c.recipient) FROM consent c"
                    + " WHERE c.brand_code IN (SELECT b.brand_code FROM brand b"
                    + " WHERE b.iys_code = ?)")
            .setParameter(1, iysCode)
            .getSingleResult();
    return ((Number) count).longValue();
  }

  private static boolean truth(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Object column) {
    if (column instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    return ((LocalDateTime) column).toInstant(ZoneOffset.UTC);
  }
}
