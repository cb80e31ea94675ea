package org.iys.application.consent;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.TransactionId;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Records changes inside the caller's transaction: the consent row of the key is locked first, so
 * movements on one key are applied one after another and each is judged against the state the
 * previous one left. A key without a row yet cannot be locked; two first movements on it race to
 * insert the row, and the loser's transaction fails on the unique key and is retried by its caller,
 * then finding the row to lock.
 */
final class ConsentLedger {

  /** How long a v2 add remembers a body: a repeat within it answers the first transaction. */
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private final EntityManager em;

  private final ConsentSignals signals;

  ConsentLedger(EntityManager em, ConsentSignals signals) {
    this.em = em;
    this.signals = signals;
  }

  /** The change recorded, or the state rules' refusals (nothing stored then). */
  record Outcome(ConsentMovement movement, List<Violation> refusals) {
    boolean recorded() {
      return movement != null;
    }
  }

  /** Where a v2 body was first recorded. */
  record Remembered(
      String transactionId, Instant creationDate, String requestId, String subrequestId) {}

  Outcome recordOrRefuse(int iysCode, int brandCode, ConsentChange change, Instant now) {
    ConsentKey key = change.key(brandCode);
    Consent consent = lockOrStart(iysCode, key);
    List<Violation> refusals = consent.refusals(change);
    if (!refusals.isEmpty()) {
      if (refusals.stream().anyMatch(refusal -> refusal.code() == ErrorCode.IYS001)) {
        signals.protectedRejectionRefused(iysCode, key, now);
      }
      return new Outcome(null, refusals);
    }
    boolean isNew = !consent.isRecorded();
    boolean approvedBefore = !isNew && consent.status() == ConsentStatus.ONAY;
    ConsentMovement movement = consent.apply(change, TransactionId.random(), now);
    if (isNew) {
      em.persist(consent);
    }
    em.persist(movement);
    em.flush();
    if (change.status() == ConsentStatus.ONAY && !change.isFromRegistry() && !approvedBefore) {
      signals.approvalRecorded(movement);
    }
    return new Outcome(movement, List.of());
  }

  Optional<Remembered> remembered(int brandCode, String fingerprint, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT transaction_id, creation_date, request_id, subrequest_id"
                    + " FROM consent_idempotency WHERE brand_code = ? AND fingerprint = ?"
                    + " AND creation_date >= ?")
            .setParameter(1, brandCode)
            .setParameter(2, fingerprint)
            .setParameter(3, utc(now.minus(IDEMPOTENCY_WINDOW)))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Remembered((String) row[0], instant(row[1]), (String) row[2], (String) row[3]));
  }

  void remember(
      int brandCode,
      String fingerprint,
      ConsentMovement movement,
      String requestId,
      String subrequestId) {
    em.createNativeQuery("DELETE FROM consent_idempotency WHERE brand_code = ? AND fingerprint = ?")
        .setParameter(1, brandCode)
        .setParameter(2, fingerprint)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO consent_idempotency (brand_code, fingerprint, transaction_id,"
                + " creation_date, request_id, subrequest_id) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, brandCode)
        .setParameter(2, fingerprint)
        .setParameter(3, movement.transactionId().value())
        .setParameter(4, utc(movement.creationDate()))
        .setParameter(5, requestId)
        .setParameter(6, subrequestId)
        .executeUpdate();
  }

  /**
   * What makes two v2 bodies "the same": the change they ask for, after canonicalisation, so that
   * field order, whitespace or an e-mail's casing do not make a retry look new.
   */
  static String fingerprint(ConsentChange change) {
    String canonical =
        String.join(
            "|",
            change.recipient().address(),
            change.recipientType().name(),
            change.type().name(),
            change.status().name(),
            String.valueOf(change.source()),
            String.valueOf(change.consentDate()),
            String.valueOf(change.retailerCode()),
            change.retailerAccess().stream()
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(",")),
            String.valueOf(change.evidenceReference()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    return ((LocalDateTime) column).toInstant(ZoneOffset.UTC);
  }

  private Consent lockOrStart(int iysCode, ConsentKey key) {
    return em.createNamedQuery(Consent.FIND_BY_KEY, Consent.class)
        .setParameter("brandCode", key.brandCode())
        .setParameter("recipient", key.recipient())
        .setParameter("recipientType", key.recipientType())
        .setParameter("type", key.type())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> Consent.unrecorded(iysCode, key));
  }
}
