package org.iys.application.complaint;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.iys.application.audit.Audit;
import org.iys.domain.complaint.Ground;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The fine table: one amount per article, year and escalation step (the number of the brand's
 * confirmed violations in the twelve months before from which the amount applies). The operator
 * keeps it: the law's amounts are revalued every year, and a new year is a new set of rows an
 * administrator enters. Every change is audited with the amount before and after. Rows nobody has
 * set yet are the placeholders the installation shipped with, and are shown as such.
 */
@Stateless
public class FineSchedule {

  private static final System.Logger LOG = System.getLogger(FineSchedule.class.getName());

  private static final Set<String> ARTICLES =
      Arrays.stream(Ground.values())
          .map(Ground::fineArticle)
          .filter(Objects::nonNull)
          .collect(Collectors.toUnmodifiableSet());

  // DECIMAL(14,2) holds twelve digits before the point.
  private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

  private static final String ALL =
      """
      SELECT article, valid_year, min_prior_violations, amount, description, set_by, set_at
      FROM fine_schedule ORDER BY article, valid_year, min_prior_violations
      """;

  private static final String ONE =
      """
      SELECT amount FROM fine_schedule
      WHERE article = ?1 AND valid_year = ?2 AND min_prior_violations = ?3 FOR UPDATE
      """;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private Audit audit;

  private final Clock clock = Clock.systemUTC();

  public List<Fine> all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(ALL).getResultList();
    return rows.stream().map(FineSchedule::fine).toList();
  }

  /**
   * Sets the amount of one article, year and escalation step, adding the row when the table has
   * none yet (a new year's revaluation), and audits the change.
   *
   * @throws DomainException IYS210 when the article is unknown or a number is out of range
   */
  public Fine set(
      String article,
      int year,
      int minPriorViolations,
      BigDecimal amount,
      String description,
      String staff) {
    validate(article, year, minPriorViolations, amount, description);
    String text = description.strip();
    Instant now = clock.instant();
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    List<?> before =
        em.createNativeQuery(ONE)
            .setParameter(1, article)
            .setParameter(2, year)
            .setParameter(3, minPriorViolations)
            .getResultList();
    if (before.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO fine_schedule (article, valid_year, min_prior_violations, amount,"
                  + " description, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, article)
          .setParameter(2, year)
          .setParameter(3, minPriorViolations)
          .setParameter(4, amount)
          .setParameter(5, text)
          .setParameter(6, staff)
          .setParameter(7, at)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "UPDATE fine_schedule SET amount = ?4, description = ?5, set_by = ?6, set_at = ?7"
                  + " WHERE article = ?1 AND valid_year = ?2 AND min_prior_violations = ?3")
          .setParameter(1, article)
          .setParameter(2, year)
          .setParameter(3, minPriorViolations)
          .setParameter(4, amount)
          .setParameter(5, text)
          .setParameter(6, staff)
          .setParameter(7, at)
          .executeUpdate();
    }
    String key = article + "/" + year + "/" + minPriorViolations;
    String was =
        before.isEmpty() ? "none" : new BigDecimal(before.get(0).toString()).toPlainString();
    audit.record(
        staff, "FINE_SET", "fine_schedule", key, "amount " + was + " -> " + amount.toPlainString());
    LOG.log(System.Logger.Level.INFO, "fine {0} set to {1} by {2}", key, amount, staff);
    return new Fine(article, year, minPriorViolations, amount, text, staff, now);
  }

  private static void validate(
      String article, int year, int minPriorViolations, BigDecimal amount, String description) {
    if (article == null || !ARTICLES.contains(article)) {
      throw refused("article", article);
    }
    if (year < 2000 || year > 2200) {
      throw refused("year", year);
    }
    if (minPriorViolations < 0 || minPriorViolations > 10_000) {
      throw refused("minPriorViolations", minPriorViolations);
    }
    if (amount == null
        || amount.signum() <= 0
        || amount.stripTrailingZeros().scale() > 2
        || amount.compareTo(LIMIT) >= 0) {
      throw refused("amount", amount == null ? null : amount.toPlainString());
    }
    if (description == null || description.isBlank() || description.strip().length() > 250) {
      throw refused("description", null);
    }
  }

  private static DomainException refused(String location, Object value) {
    return new DomainException(Violation.of(ErrorCode.IYS210, location, value));
  }

  private static Fine fine(Object[] row) {
    return new Fine(
        (String) row[0],
        ((Number) row[1]).intValue(),
        ((Number) row[2]).intValue(),
        new BigDecimal(row[3].toString()),
        (String) row[4],
        (String) row[5],
        row[6] == null ? null : utc(row[6]));
  }

  // Instants are stored as UTC wall-clock time; the driver answers with either date-time type.
  private static Instant utc(Object dateTime) {
    LocalDateTime local =
        dateTime instanceof Timestamp timestamp
            ? timestamp.toLocalDateTime()
            : (LocalDateTime) dateTime;
    return local.toInstant(ZoneOffset.UTC);
  }

  /**
   * One amount of the table.
   *
   * @param setBy the administrator who set it; null for a placeholder shipped with iys
   */
  public record Fine(
      String article,
      int year,
      int minPriorViolations,
      BigDecimal amount,
      String description,
      String setBy,
      Instant setAt) {

    public boolean placeholder() {
      return setBy == null;
    }
  }
}
