package org.iys.application.complaint;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iys.application.business.BrandCatalog;
import org.iys.application.outbox.Outbox;
import org.iys.domain.business.Brand;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.complaint.ComplaintJudge;
import org.iys.domain.complaint.ComplaintStatus;
import org.iys.domain.complaint.Ground;
import org.iys.domain.complaint.Judgement;
import org.iys.domain.complaint.KnownMovement;
import org.iys.domain.complaint.Verdict;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.error.DomainException;

/**
 * Stores and judges complaints taken from the queue, each exactly once: a redelivered or resent
 * complaint finds its idempotency key already stored and changes nothing. Storing, judging, the
 * sanction proposal and the complainant's notification happen in the caller's transaction, which
 * for the queue is the message's own.
 */
@Stateless
public class ComplaintRegistry {

  private static final System.Logger LOG = System.getLogger(ComplaintRegistry.class.getName());

  private static final BusinessCalendar CALENDAR = BusinessCalendar.bundled();

  private static final ComplaintJudge JUDGE = new ComplaintJudge();

  private static final String MOVEMENTS_KNOWN_AT =
      """
      SELECT m FROM ConsentMovement m
      WHERE m.brandCode = :brand AND m.recipient = :recipient AND m.type = :type
        AND m.creationDate <= :at
      """;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private BrandCatalog catalog;

  @EJB private Sanctions sanctions;

  @EJB private Outbox outbox;

  private final Clock clock = Clock.systemUTC();

  /**
   * @throws DomainException when a field is missing or malformed: the message cannot be processed
   */
  public Complaint register(ComplaintMessage message) {
    var report = ComplaintForm.report(message, clock);
    String key = ComplaintForm.idempotencyKey(message, report);
    Optional<Complaint> known = byIdempotencyKey(key);
    if (known.isPresent()) {
      return known.get();
    }

    String number =
        message.complaintNumber() == null || message.complaintNumber().isBlank()
            ? ComplaintForm.numberFor(key)
            : message.complaintNumber();
    var complaint = new Complaint(number, key, report, clock.instant());
    em.persist(complaint);

    List<Brand> named = catalog.byCodeOrName(report.brand());
    Integer brandCode = named.size() == 1 ? named.get(0).brandCode() : null;
    complaint.judge(brandCode, judge(report, named), clock.instant());
    // The id is needed by the sanction, and a duplicate key must fail here, inside the caller's
    // error handling, rather than at commit.
    em.flush();
    if (complaint.verdict() == Verdict.VIOLATION) {
      sanctions.propose(complaint);
    }
    notifyComplainant(complaint);
    // A batch from the queue registers dozens of complaints in one transaction; written out and
    // detached, each leaves nothing behind for the next one's flush to compare.
    em.flush();
    em.clear();
    LOG.log(
        System.Logger.Level.DEBUG,
        "judged complaint {0}: {1}",
        complaint.complaintNumber(),
        complaint.ground());
    return complaint;
  }

  public Optional<Complaint> byNumber(String number) {
    return em.createNamedQuery("Complaint.byNumber", Complaint.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /**
   * The staff inbox: the newest complaints first, narrowed by status and verdict when given.
   *
   * @param status null for any status
   * @param verdict null for any verdict
   */
  public List<Complaint> inbox(ComplaintStatus status, Verdict verdict, int max) {
    String where = " WHERE 1 = 1";
    if (status != null) {
      where += " AND c.status = :status";
    }
    if (verdict != null) {
      where += " AND c.verdict = :verdict";
    }
    var query =
        em.createQuery(
            "SELECT c FROM Complaint c" + where + " ORDER BY c.id DESC", Complaint.class);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (verdict != null) {
      query.setParameter("verdict", verdict);
    }
    return query.setMaxResults(max).getResultList();
  }

  /** The movements a verdict relied on, in the order they were recorded. */
  public List<ConsentMovement> evidence(Complaint complaint) {
    if (complaint.evidence().isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT m FROM ConsentMovement m WHERE m.transactionId IN :ids ORDER BY m.id",
            ConsentMovement.class)
        .setParameter("ids", complaint.evidence())
        .getResultList();
  }

  // A brand is known when the catalogue holds it, whether or not any consent was ever recorded
  // for it: a brand without movements simply had no consent to send.
  private Judgement judge(Complaint.Report report, List<Brand> named) {
    if (named.isEmpty()) {
      return Judgement.invalid(Ground.UNKNOWN_BRAND);
    }
    if (named.size() > 1) {
      return Judgement.invalid(Ground.AMBIGUOUS_BRAND);
    }
    ConsentType type;
    try {
      type = ConsentType.valueOf(report.channel());
    } catch (IllegalArgumentException unknown) {
      return Judgement.invalid(Ground.UNKNOWN_CHANNEL);
    }
    Recipient recipient;
    try {
      recipient = Recipient.forType(type, report.recipient());
    } catch (DomainException mismatch) {
      return Judgement.invalid(Ground.ADDRESS_MISMATCH);
    }
    List<KnownMovement> movements =
        em.createQuery(MOVEMENTS_KNOWN_AT, ConsentMovement.class)
            .setParameter("brand", named.get(0).brandCode())
            .setParameter("recipient", recipient)
            .setParameter("type", type)
            .setParameter("at", report.receivedAt())
            // Evidence is only read; unregistered, it costs the batch's later flushes nothing.
            .setHint("eclipselink.read-only", "true")
            .getResultStream()
            .map(m -> KnownMovement.of(m, CALENDAR))
            .toList();
    return JUDGE.judge(report.receivedAt(), movements);
  }

  private void notifyComplainant(Complaint complaint) {
    String text =
        switch (complaint.verdict()) {
          case VIOLATION ->
              "Your complaint "
                  + complaint.complaintNumber()
                  + " was upheld: "
                  + complaint.verdictReason()
                  + " A sanction has been proposed.";
          case NO_VIOLATION ->
              "Your complaint "
                  + complaint.complaintNumber()
                  + " was judged: no violation. "
                  + complaint.verdictReason();
          case INVALID ->
              "Your complaint "
                  + complaint.complaintNumber()
                  + " could not be judged. "
                  + complaint.verdictReason();
        };
    outbox.toAddress(complaint.report().recipient().toLowerCase(Locale.ROOT), text);
  }

  private Optional<Complaint> byIdempotencyKey(String key) {
    return em.createNamedQuery("Complaint.byIdempotencyKey", Complaint.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }
}
