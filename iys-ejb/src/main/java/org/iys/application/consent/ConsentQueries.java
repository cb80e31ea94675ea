package org.iys.application.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;

/** What a business may read about its own consents: current states, histories and changes. */
@Stateless
public class ConsentQueries {

  /** How far back the changes pull reaches. */
  public static final Duration CHANGES_WINDOW = Duration.ofDays(7);

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  /** Who made the movements a changes pull lists. */
  public enum Origin {
    /** The business itself (HS_* sources, and a merchant's first record sent without one). */
    HS,
    /** The recipient, through the registry (IYS_* sources). */
    IYS
  }

  /** A position in the changes: the last movement a pull returned. */
  public record Cursor(Instant creationDate, String transactionId) {}

  /** One page of changes; {@code after} is the cursor of its last movement, null when empty. */
  public record Changes(List<ConsentMovement> movements, Cursor after) {}

  /** One page of a key's history, newest consent date first. */
  public record History(List<ConsentMovement> movements, long totalCount, int offset) {}

  public Optional<Consent> status(ConsentKey key) {
    return em.createNamedQuery(Consent.FIND_BY_KEY, Consent.class)
        .setParameter("brandCode", key.brandCode())
        .setParameter("recipient", key.recipient())
        .setParameter("recipientType", key.recipientType())
        .setParameter("type", key.type())
        .getResultStream()
        .findFirst();
  }

  /** Of the given addresses, those whose consent for the brand is ONAY now, in the order given. */
  public List<Recipient> approved(
      int brandCode, RecipientType recipientType, ConsentType type, List<Recipient> recipients) {
    String marks = recipients.stream().map(r -> "?").collect(Collectors.joining(","));
    var query =
        em.createNativeQuery(
            "SELECT recipient FROM consent WHERE brand_code = ? AND recipient_type = ?"
                + " AND type = ? AND status = 'ONAY' AND recipient IN ("
                + marks
                + ")");
    query.setParameter(1, brandCode);
    query.setParameter(2, recipientType.name());
    query.setParameter(3, type.name());
    for (int i = 0; i < recipients.size(); i++) {
      query.setParameter(i + 4, recipients.get(i).address());
    }
    Set<String> approved = new HashSet<>();
    for (Object row : query.getResultList()) {
      approved.add(String.valueOf(row));
    }
    return recipients.stream().filter(r -> approved.contains(r.address())).toList();
  }

  /** Every consent recorded for an address, whichever brand and channel, for the staff search. */
  public List<Consent> ofRecipient(Recipient recipient) {
    return em.createQuery(
            "SELECT c FROM Consent c WHERE c.recipient = :recipient"
                + " ORDER BY c.brandCode, c.type, c.recipientType",
            Consent.class)
        .setParameter("recipient", recipient)
        .setMaxResults(500)
        .getResultList();
  }

  public History history(ConsentKey key, int limit, int offset) {
    String where =
        " WHERE m.brandCode = :brandCode AND m.recipient = :recipient"
            + " AND m.recipientType = :recipientType AND m.type = :type";
    long total =
        bindKey(em.createQuery("SELECT COUNT(m) FROM ConsentMovement m" + where, Long.class), key)
            .getSingleResult();
    List<ConsentMovement> page =
        bindKey(
                em.createQuery(
                    "SELECT m FROM ConsentMovement m"
                        + where
                        + " ORDER BY m.consentDate DESC, m.creationDate DESC, m.id DESC",
                    ConsentMovement.class),
                key)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    return new History(page, total, offset);
  }

  /**
   * The brand's movements of the last 7 days, oldest first, leaving out those recorded within the
   * embargo (so that a business reconciling never sees a moment it might still receive more of).
   */
  public Changes changes(int brandCode, Cursor after, int limit, Origin origin, Duration embargo) {
    Instant now = ConsentService.now(clock);
    List<ConsentSource> sources =
        Arrays.stream(ConsentSource.values())
            .filter(s -> s.isRegistrySource() == (origin == Origin.IYS))
            .toList();
    String sourceFilter =
        origin == Origin.HS
            ? " AND (m.source IS NULL OR m.source IN :sources)"
            : " AND m.source IN :sources";
    String cursorFilter =
        after == null
            ? ""
            : " AND (m.creationDate > :afterDate"
                + " OR (m.creationDate = :afterDate AND m.transactionId > :afterId))";
    var query =
        em.createQuery(
                "SELECT m FROM ConsentMovement m WHERE m.brandCode = :brandCode"
                    + " AND m.creationDate >= :from AND m.creationDate <= :until"
                    + sourceFilter
                    + cursorFilter
                    + " ORDER BY m.creationDate, m.transactionId",
                ConsentMovement.class)
            .setParameter("brandCode", brandCode)
            .setParameter("from", now.minus(CHANGES_WINDOW))
            .setParameter("until", now.minus(embargo))
            .setParameter("sources", sources)
            .setMaxResults(limit);
    if (after != null) {
      query.setParameter("afterDate", after.creationDate());
      query.setParameter("afterId", after.transactionId());
    }
    List<ConsentMovement> movements = query.getResultList();
    if (movements.isEmpty()) {
      return new Changes(movements, null);
    }
    ConsentMovement last = movements.get(movements.size() - 1);
    return new Changes(movements, new Cursor(last.creationDate(), last.transactionId().value()));
  }

  private static <Q extends jakarta.persistence.TypedQuery<?>> Q bindKey(Q query, ConsentKey key) {
    query.setParameter("brandCode", key.brandCode());
    query.setParameter("recipient", key.recipient());
    query.setParameter("recipientType", key.recipientType());
    query.setParameter("type", key.type());
    return query;
  }
}
