package org.iys.application.consent;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.iys.application.retailer.Retailers;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentRequestValidator;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.messaging.BrokerRefusal;
import org.iys.infrastructure.messaging.Destinations;
import org.iys.infrastructure.persistence.Resources;

/**
 * Bulk adds, in two phases. On submission the whole list is judged by the field rules at once: any
 * fault refuses the whole list and nothing is stored. A valid list is stored item by item as {@code
 * enqueue} and handed to the queue in slices; consumers then apply each item's change against the
 * current state, and each item ends as {@code success} or {@code failure} (a state rule's refusal).
 * Slices run in parallel, which is safe because a valid list never names one key twice.
 *
 * <p>The JMS sends join the submission's transaction through the resource adapter, so a list is
 * either stored and queued, or neither. Requests and their results are kept {@link #RETENTION}.
 */
@Stateless
public class ConsentRequests {

  /** How long a request's results can be read. */
  public static final Duration RETENTION = Duration.ofDays(60);

  /** Items per queue message: small enough to spread a list over the consumers. */
  static final int SLICE = 50;

  private static final int INSERT_ROWS = 100;

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  @Inject private ConsentSignals signals;

  @Inject private ConsentRequestValidator validator;

  @EJB private Retailers retailers;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  /** An accepted list: its request id, when it was accepted, and its items in list order. */
  public record Submission(String requestId, Instant submittedAt, List<Item> items) {}

  /** One accepted item with its sub-request id. */
  public record Item(int index, String subrequestId, ConsentChange change) {}

  /** An item's outcome as the request status shows it. */
  public record Result(
      int index,
      String subrequestId,
      String outcome,
      String transactionId,
      Instant creationDate,
      String errorCode,
      String errorMessage,
      String originalRequestId,
      String originalSubrequestId,
      boolean originalSingleV2) {}

  /**
   * @param apiVersion 1, or 2 for the idempotent variant (an item repeating a change recorded
   *     within the idempotency window answers with that first recording)
   * @throws org.iys.domain.consent.InvalidConsentRequestException with every violation, each at its
   *     item's index; H091 for more than 1000 items
   * @throws org.iys.domain.error.DomainException H180 at each item naming a retailer the brand does
   *     not have
   */
  public Submission submit(int iysCode, int brandCode, List<?> list, int apiVersion) {
    Instant now = ConsentService.now(clock);
    List<ConsentChange> changes = validator.toChanges(list, Clock.fixed(now, ZoneOffset.UTC));
    retailers.requireKnownInAll(brandCode, changes);

    String requestId = UUID.randomUUID().toString();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      items.add(new Item(i, UUID.randomUUID().toString(), changes.get(i)));
    }
    em.createNativeQuery(
            "INSERT INTO consent_request (request_id, iys_code, brand_code, api_version,"
                + " submitted_at, item_count) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, requestId)
        .setParameter(2, iysCode)
        .setParameter(3, brandCode)
        .setParameter(4, apiVersion)
        .setParameter(5, ConsentLedger.utc(now))
        .setParameter(6, items.size())
        .executeUpdate();
    for (int from = 0; from < items.size(); from += INSERT_ROWS) {
      insertItems(requestId, items.subList(from, Math.min(items.size(), from + INSERT_ROWS)));
    }
    enqueue(requestId, items.size());
    return new Submission(requestId, now, items);
  }

  /** The outcome of every item, in list order; empty for an unknown or expired request. */
  public List<Result> results(int brandCode, String requestId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.item_index, i.subrequest_id, i.outcome, i.transaction_id,"
                    + " i.creation_date, i.error_code, i.error_message, i.original_request,"
                    + " i.original_subrequest, i.original_single_v2"
                    + " FROM consent_request r JOIN consent_request_item i"
                    + " ON i.request_id = r.request_id"
                    + " WHERE r.request_id = ? AND r.brand_code = ? AND r.submitted_at >= ?"
                    + " ORDER BY i.item_index")
            .setParameter(1, requestId)
            .setParameter(2, brandCode)
            .setParameter(3, ConsentLedger.utc(clock.instant().minus(RETENTION)))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Result(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ConsentLedger.instant(row[4]),
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    truthy(row[9])))
        .toList();
  }

  /**
   * Applies the items {@code [from, to)} of a request that are still {@code enqueue}, in one
   * transaction; a redelivered slice skips what an earlier delivery already finished.
   */
  public void process(String requestId, int from, int to) {
    Object[] request =
        (Object[])
            em.createNativeQuery(
                    "SELECT iys_code, brand_code, api_version FROM consent_request"
                        + " WHERE request_id = ?")
                .setParameter(1, requestId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (request == null) {
      return;
    }
    int iysCode = ((Number) request[0]).intValue();
    int brandCode = ((Number) request[1]).intValue();
    boolean idempotent = ((Number) request[2]).intValue() == 2;
    Instant now = ConsentService.now(clock);
    List<Mark> marks = new ArrayList<>();
    try (ConsentLedger ledger = ConsentLedger.open(dataSource, signals)) {
      for (Object[] row : pending(requestId, from, to)) {
        int index = ((Number) row[0]).intValue();
        String subrequestId = (String) row[1];
        ConsentChange change = change(row);
        if (idempotent) {
          String fingerprint = ConsentLedger.fingerprint(change);
          var known = ledger.remembered(brandCode, fingerprint, now);
          if (known.isPresent()) {
            marks.add(Mark.repeat(index, known.get()));
            continue;
          }
          ConsentLedger.Outcome outcome = ledger.recordOrRefuse(iysCode, brandCode, change, now);
          if (outcome.recorded()) {
            ledger.remember(brandCode, fingerprint, outcome.movement(), requestId, subrequestId);
          }
          marks.add(Mark.of(index, outcome));
        } else {
          marks.add(Mark.of(index, ledger.recordOrRefuse(iysCode, brandCode, change, now)));
        }
      }
    }
    for (int first = 0; first < marks.size(); first += INSERT_ROWS) {
      markAll(requestId, marks.subList(first, Math.min(marks.size(), first + INSERT_ROWS)));
    }
  }

  /**
   * Sends again the slices of requests that still have unfinished items well after they were
   * submitted. A slice message can be lost after its request was stored: the server died between
   * the database's commit and the broker's, and the broker's prepared half was rolled back at the
   * next start. Resending is safe, since a slice only applies items still waiting.
   *
   * @return how many slices were sent again
   */
  public int resendStalled(Duration olderThan, Duration notOlderThan) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> stalled =
        em.createNativeQuery(
                "SELECT DISTINCT r.request_id, FLOOR(i.item_index / ?) FROM consent_request r"
                    + " JOIN consent_request_item i ON i.request_id = r.request_id"
                    + " WHERE r.submitted_at BETWEEN ? AND ? AND i.outcome = 'enqueue'"
                    + " ORDER BY r.request_id LIMIT 1000")
            .setParameter(1, SLICE)
            .setParameter(2, ConsentLedger.utc(now.minus(notOlderThan)))
            .setParameter(3, ConsentLedger.utc(now.minus(olderThan)))
            .getResultList();
    if (stalled.isEmpty()) {
      return 0;
    }
    try (JMSContext context = connectionFactory.createContext()) {
      var queue = context.createQueue(Destinations.CONSENT_REQUESTS);
      var producer = context.createProducer();
      for (Object[] slice : stalled) {
        int from = ((Number) slice[1]).intValue() * SLICE;
        producer.send(queue, slice[0] + ":" + from + ":" + (from + SLICE));
      }
    } catch (JMSRuntimeException unavailable) {
      throw BrokerRefusal.of(unavailable);
    }
    return stalled.size();
  }

  /** Forgets requests past their retention; their items go with them. */
  public int forgetExpired() {
    return em.createNativeQuery("DELETE FROM consent_request WHERE submitted_at < ?")
        .setParameter(1, ConsentLedger.utc(clock.instant().minus(RETENTION)))
        .executeUpdate();
  }

  private void enqueue(String requestId, int count) {
    try (JMSContext context = connectionFactory.createContext()) {
      var queue = context.createQueue(Destinations.CONSENT_REQUESTS);
      var producer = context.createProducer();
      for (int from = 0; from < count; from += SLICE) {
        producer.send(queue, requestId + ":" + from + ":" + Math.min(count, from + SLICE));
      }
    } catch (JMSRuntimeException unavailable) {
      throw BrokerRefusal.of(unavailable);
    }
  }

  private void insertItems(String requestId, List<Item> rows) {
    String values =
        rows.stream()
            .map(r -> "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'enqueue')")
            .collect(Collectors.joining(", "));
    var insert =
        em.createNativeQuery(
            "INSERT INTO consent_request_item (request_id, item_index, subrequest_id, recipient,"
                + " recipient_type, type, status, source, consent_date, retailer_code,"
                + " retailer_access, evidence_reference, outcome) VALUES "
                + values);
    int p = 1;
    for (Item item : rows) {
      ConsentChange c = item.change();
      insert.setParameter(p++, requestId);
      insert.setParameter(p++, item.index());
      insert.setParameter(p++, item.subrequestId());
      insert.setParameter(p++, c.recipient().address());
      insert.setParameter(p++, c.recipientType().name());
      insert.setParameter(p++, c.type().name());
      insert.setParameter(p++, c.status().name());
      insert.setParameter(p++, c.source() == null ? null : c.source().name());
      insert.setParameter(p++, ConsentLedger.utc(c.consentDate()));
      insert.setParameter(p++, c.retailerCode());
      insert.setParameter(
          p++,
          c.retailerAccess().isEmpty()
              ? null
              : c.retailerAccess().stream().map(String::valueOf).collect(Collectors.joining(",")));
      insert.setParameter(p++, c.evidenceReference());
    }
    insert.executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> pending(String requestId, int from, int to) {
    return em.createNativeQuery(
            "SELECT item_index, subrequest_id, recipient, recipient_type, type, status, source,"
                + " consent_date, retailer_code, retailer_access, evidence_reference"
                + " FROM consent_request_item WHERE request_id = ? AND item_index >= ?"
                + " AND item_index < ? AND outcome = 'enqueue' ORDER BY item_index"
                // Two deliveries of one slice (a redelivery, a resend of a stalled one) take
                // turns: the second finds the items finished and records nothing twice.
                + " FOR UPDATE")
        .setParameter(1, requestId)
        .setParameter(2, from)
        .setParameter(3, to)
        .getResultList();
  }

  // Only field-valid changes were stored, in canonical form; reading them back needs no rules.
  private static ConsentChange change(Object[] row) {
    String access = (String) row[9];
    ConsentType type = ConsentType.valueOf((String) row[4]);
    return new ConsentChange(
        Recipient.forType(type, String.valueOf(row[2])),
        RecipientType.valueOf((String) row[3]),
        type,
        ConsentStatus.valueOf((String) row[5]),
        row[6] == null ? null : ConsentSource.valueOf((String) row[6]),
        ConsentLedger.instant(row[7]),
        row[8] == null ? null : ((Number) row[8]).intValue(),
        access == null
            ? List.of()
            : Arrays.stream(access.split(",")).map(Integer::valueOf).toList(),
        (String) row[10]);
  }

  /** An item's outcome, waiting to be written with the rest of its slice. */
  private record Mark(
      int index,
      String outcome,
      String transactionId,
      Instant creationDate,
      String errorCode,
      String errorMessage,
      String originalRequest,
      String originalSubrequest,
      boolean originalSingleV2) {

    static Mark of(int index, ConsentLedger.Outcome outcome) {
      if (outcome.recorded()) {
        return new Mark(
            index,
            "success",
            outcome.movement().transactionId().value(),
            outcome.movement().creationDate(),
            null,
            null,
            null,
            null,
            false);
      }
      Violation first = outcome.refusals().get(0);
      return new Mark(
          index, "failure", null, null, first.code().code(), first.message(), null, null, false);
    }

    static Mark repeat(int index, ConsentLedger.Remembered known) {
      return new Mark(
          index,
          "success",
          known.transactionId(),
          known.creationDate(),
          null,
          null,
          known.requestId(),
          known.subrequestId(),
          known.requestId() == null);
    }
  }

  // One statement per slice instead of one per item: the slice's outcomes are joined in as a
  // derived table. Columns an outcome leaves empty keep what the item row has (nothing yet).
  private void markAll(String requestId, List<Mark> marks) {
    String rows =
        marks.stream()
            .map(
                m ->
                    "SELECT ? AS item_index, ? AS outcome, ? AS transaction_id,"
                        + " ? AS creation_date, ? AS error_code, ? AS error_message,"
                        + " ? AS original_request, ? AS original_subrequest,"
                        + " ? AS original_single_v2")
            .collect(Collectors.joining(" UNION ALL "));
    var update =
        em.createNativeQuery(
            "UPDATE consent_request_item i JOIN ("
                + rows
                + ") v ON i.item_index = v.item_index SET i.outcome = v.outcome,"
                + " i.transaction_id = COALESCE(v.transaction_id, i.transaction_id),"
                + " i.creation_date = COALESCE(v.creation_date, i.creation_date),"
                + " i.error_code = COALESCE(v.error_code, i.error_code),"
                + " i.error_message = COALESCE(v.error_message, i.error_message),"
                + " i.original_request = COALESCE(v.original_request, i.original_request),"
                + " i.original_subrequest ="
                + " COALESCE(v.original_subrequest, i.original_subrequest),"
                + " i.original_single_v2 = v.original_single_v2"
                + " WHERE i.request_id = ?");
    int p = 1;
    for (Mark m : marks) {
      update.setParameter(p++, m.index());
      update.setParameter(p++, m.outcome());
      update.setParameter(p++, m.transactionId());
      update.setParameter(p++, ConsentLedger.utc(m.creationDate()));
      update.setParameter(p++, m.errorCode());
      update.setParameter(p++, m.errorMessage());
      update.setParameter(p++, m.originalRequest());
      update.setParameter(p++, m.originalSubrequest());
      update.setParameter(p++, m.originalSingleV2());
    }
    update.setParameter(p, requestId);
    update.executeUpdate();
  }

  private static boolean truthy(Object column) {
    if (column instanceof Boolean b) {
      return b;
    }
    return column instanceof Number n && n.intValue() != 0;
  }
}
