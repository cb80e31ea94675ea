package org.iys.application.complaint;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.iys.application.audit.Audit;
import org.iys.application.outbox.Outbox;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.complaint.SanctionProposal;
import org.iys.domain.complaint.SanctionStatus;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Sanctions for violations: proposed from the fine table when a complaint is upheld, escalating
 * with the brand's confirmed violations in the twelve months before, and then confirmed or
 * dismissed by staff with a reason. Every decision is audited and told to the complainant.
 */
@Stateless
public class Sanctions {

  private static final System.Logger LOG = System.getLogger(Sanctions.class.getName());

  private static final String FINE =
      """
      SELECT f.amount FROM fine_schedule f
      WHERE f.article = ?1 AND f.min_prior_violations <= ?2
        AND f.valid_year = (SELECT MAX(y.valid_year) FROM fine_schedule y
                            WHERE y.article = ?1 AND y.valid_year <= ?3)
      ORDER BY f.min_prior_violations DESC LIMIT 1
      """;

  // A year is covered only when every article has an amount for it or an earlier year.
  private static final String FIRST_COVERED_YEAR =
      """
      SELECT MAX(first_year) FROM
        (SELECT MIN(valid_year) AS first_year FROM fine_schedule GROUP BY article) AS per_article
      """;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private Audit audit;

  @EJB private Outbox outbox;

  private final Clock clock = Clock.systemUTC();

  /**
   * Proposes the fine for an upheld complaint, at the amount of the year the message arrived, or
   * links the complaint to the proposal an earlier complaint about the same message made: one
   * message is fined once. Two reports of one message judged at the same moment are kept apart by
   * the unique fingerprint; the later one fails at flush and is judged again on redelivery.
   */
  public SanctionProposal propose(Complaint complaint) {
    String fingerprint = ComplaintForm.messageFingerprint(complaint);
    Optional<SanctionProposal> existing =
        em.createNamedQuery("SanctionProposal.byMessage", SanctionProposal.class)
            .setParameter("fingerprint", fingerprint)
            // Serialises the link with a staff decision on the same proposal.
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      complaint.sanctionProposed(existing.get().id());
      if (existing.get().status() != SanctionStatus.PROPOSED) {
        complaint.sanctionDecided(existing.get().status() == SanctionStatus.CONFIRMED);
      }
      LOG.log(
          System.Logger.Level.INFO,
          "complaint {0} reports a message already under sanction {1}",
          complaint.complaintNumber(),
          existing.get().id());
      return existing.get();
    }
    Instant now = clock.instant();
    String article = complaint.ground().fineArticle();
    int prior = confirmedInLastYear(complaint.brandCode(), now);
    int year = complaint.report().receivedAt().atZone(BusinessCalendar.TURKEY).getYear();
    List<?> amounts =
        em.createNativeQuery(FINE)
            .setParameter(1, article)
            .setParameter(2, prior)
            .setParameter(3, year)
            .getResultList();
    if (amounts.isEmpty()) {
      throw new IllegalStateException(
          "the fine table has no amount for " + article + " in " + year);
    }
    var proposal =
        new SanctionProposal(
            complaint, fingerprint, article, new BigDecimal(amounts.get(0).toString()), prior, now);
    em.persist(proposal);
    em.flush();
    complaint.sanctionProposed(proposal.id());
    return proposal;
  }

  /**
   * The first year (Turkey time) for which the fine table has an amount for every article; empty
   * when the table is empty. A message that arrived earlier cannot be fined.
   */
  public OptionalInt firstYearCovered() {
    Object year = em.createNativeQuery(FIRST_COVERED_YEAR).getSingleResult();
    return year == null ? OptionalInt.empty() : OptionalInt.of(((Number) year).intValue());
  }

  public List<SanctionProposal> withStatus(SanctionStatus status) {
    return em.createNamedQuery("SanctionProposal.byStatus", SanctionProposal.class)
        .setParameter("status", status)
        .setMaxResults(500)
        .getResultList();
  }

  /** The sanction proposed for a complaint, if its verdict was a violation. */
  public Optional<SanctionProposal> ofComplaint(long complaintId) {
    var complaint = em.find(Complaint.class, complaintId);
    if (complaint != null && complaint.sanctionProposalId() != null) {
      return Optional.ofNullable(em.find(SanctionProposal.class, complaint.sanctionProposalId()));
    }
    return em.createNamedQuery("SanctionProposal.byComplaint", SanctionProposal.class)
        .setParameter("complaint", complaintId)
        .getResultStream()
        .findFirst();
  }

  public SanctionProposal find(long id) {
    var proposal = em.find(SanctionProposal.class, id);
    if (proposal == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS205, "id", id));
    }
    return proposal;
  }

  /**
   * @throws DomainException IYS205 unknown id, IYS206 already decided, IYS207 reason missing
   */
  public SanctionProposal decide(long id, boolean confirm, String reason, String staff) {
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw new DomainException(Violation.of(ErrorCode.IYS207, "reason", null));
    }
    var proposal = em.find(SanctionProposal.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (proposal == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS205, "id", id));
    }
    Instant now = clock.instant();
    if (!proposal.decide(confirm, reason.strip(), staff, now)) {
      throw new DomainException(Violation.of(ErrorCode.IYS206, "id", id));
    }
    String action = confirm ? "SANCTION_CONFIRMED" : "SANCTION_DISMISSED";
    audit.record(staff, action, "sanction_proposal", String.valueOf(id), reason.strip());
    for (Complaint complaint : reportsOf(proposal)) {
      complaint.sanctionDecided(confirm);
      outbox.toAddress(
          complaint.report().recipient().toLowerCase(Locale.ROOT),
          "Your complaint "
              + complaint.complaintNumber()
              + (confirm
                  ? ": the sanction against the brand has been confirmed."
                  : ": the proposed sanction was dismissed after review."));
    }
    LOG.log(System.Logger.Level.INFO, "{0} sanction {1} by {2}", action, id, staff);
    return proposal;
  }

  /** The complaint that proposed the sanction and every later report of the same message. */
  private List<Complaint> reportsOf(SanctionProposal proposal) {
    return em.createQuery(
            "SELECT c FROM Complaint c WHERE c.id = :proposer OR c.sanctionProposalId = :proposal",
            Complaint.class)
        .setParameter("proposer", proposal.complaintId())
        .setParameter("proposal", proposal.id())
        .getResultList();
  }

  private int confirmedInLastYear(int brandCode, Instant now) {
    Instant since = now.atZone(BusinessCalendar.TURKEY).minusMonths(12).toInstant();
    return em.createNamedQuery("SanctionProposal.confirmedSince", Long.class)
        .setParameter("brand", brandCode)
        .setParameter("since", since)
        .getSingleResult()
        .intValue();
  }
}
