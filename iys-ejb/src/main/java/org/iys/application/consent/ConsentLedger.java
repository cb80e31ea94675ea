package org.iys.application.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
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
 *
 * <p>The ledger speaks JDBC on the transaction's own connection rather than through JPA: every
 * single add passes here, and the statements are few and fixed (a locking read, the movement, the
 * row's insert or guarded update). Inside a container transaction the pool hands the same
 * connection to JPA and to this code, so both see and lock the same rows.
 */
final class ConsentLedger implements AutoCloseable {

  /** How long a v2 add remembers a body: a repeat within it answers the first transaction. */
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private static final String LOCK =
      "SELECT "
          + ConsentRows.COLUMNS
          + " FROM consent WHERE brand_code = ? AND recipient = ? AND recipient_type = ?"
          + " AND type = ? FOR UPDATE";

  private final Connection connection;

  private final ConsentSignals signals;

  private ConsentLedger(Connection connection, ConsentSignals signals) {
    this.connection = connection;
    this.signals = signals;
  }

  /** A ledger on the current transaction's connection; close it before the transaction ends. */
  static ConsentLedger open(DataSource dataSource, ConsentSignals signals) {
    try {
      return new ConsentLedger(dataSource.getConnection(), signals);
    } catch (SQLException e) {
      throw new IllegalStateException("no connection for the consent ledger", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("releasing the consent ledger's connection failed", e);
    }
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
    try {
      Consent consent = lockOrStart(iysCode, key);
      List<Violation> refusals = consent.refusals(change);
      if (!refusals.isEmpty()) {
        if (refusals.stream().anyMatch(refusal -> refusal.code() == ErrorCode.IYS001)) {
          signals.protectedRejectionRefused(iysCode, key, now);
        }
        return new Outcome(null, refusals);
      }

      boolean approvedBefore = consent.isRecorded() && consent.status() == ConsentStatus.ONAY;
      ConsentMovement movement = store(consent, change, now);

      if (change.status() == ConsentStatus.ONAY && !change.isFromRegistry() && !approvedBefore) {
        signals.approvalsRecorded(List.of(movement), connection);
      }
      return new Outcome(movement, List.of());
    } catch (SQLException e) {
      throw new ConsentWriteFailed(e);
    }
  }

  Optional<Remembered> remembered(int brandCode, String fingerprint, Instant now) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT transaction_id, creation_date, request_id, subrequest_id"
                + " FROM consent_idempotency WHERE brand_code = ? AND fingerprint = ?"
                + " AND creation_date >= ?")) {
      select.setInt(1, brandCode);
      select.setString(2, fingerprint);
      select.setObject(3, utc(now.minus(IDEMPOTENCY_WINDOW)));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Remembered(
                row.getString(1), instant(row.getObject(2)), row.getString(3), row.getString(4)));
      }
    } catch (SQLException e) {
      throw new ConsentWriteFailed(e);
    }
  }

  void remember(
      int brandCode,
      String fingerprint,
      ConsentMovement movement,
      String requestId,
      String subrequestId) {
    try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM consent_idempotency WHERE brand_code = ? AND fingerprint = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO consent_idempotency (brand_code, fingerprint, transaction_id,"
                    + " creation_date, request_id, subrequest_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      delete.setInt(1, brandCode);
      delete.setString(2, fingerprint);
      delete.executeUpdate();
      insert.setInt(1, brandCode);
      insert.setString(2, fingerprint);
      insert.setString(3, movement.transactionId().value());
      insert.setObject(4, utc(movement.creationDate()));
      insert.setString(5, requestId);
      insert.setString(6, subrequestId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new ConsentWriteFailed(e);
    }
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

  private Consent lockOrStart(int iysCode, ConsentKey key) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setInt(1, key.brandCode());
      lock.setString(2, key.recipient().address());
      lock.setString(3, key.recipientType().name());
      lock.setString(4, key.type().name());
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return Consent.unrecorded(iysCode, key);
        }
        return ConsentRows.read(row, iysCode, key);
      }
    }
  }

  private ConsentMovement store(Consent consent, ConsentChange change, Instant now)
      throws SQLException {
    boolean isNew = !consent.isRecorded();
    long version = consent.version();
    ConsentMovement movement = consent.apply(change, TransactionId.random(), now);
    insertMovement(movement);
    long id = isNew ? insertConsent(movement) : updateConsent(movement, consent.id(), version);
    if (!change.retailerAccess().isEmpty()) {
      grantAccess(id, change.retailerAccess());
    }
    return movement;
  }

  private void insertMovement(ConsentMovement movement) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(ConsentRows.INSERT_MOVEMENT)) {
      ConsentRows.bindMovement(insert, movement);
      insert.executeUpdate();
    }
  }

  private long insertConsent(ConsentMovement movement) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(ConsentRows.INSERT_CONSENT, Statement.RETURN_GENERATED_KEYS)) {
      ConsentRows.bindNewConsent(insert, movement);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  // Under the row's lock the version cannot have moved; the guard is kept for any writer that
  // changes the row without taking the lock, and a failed guard is retried as a lost race.
  private long updateConsent(ConsentMovement movement, long id, long version) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(ConsentRows.UPDATE_CONSENT)) {
      ConsentRows.bindUpdate(update, movement, id, version);
      if (update.executeUpdate() != 1) {
        throw new ConsentWriteFailed(
            new SQLException("the consent row changed under its lock", "40001"));
      }
      return id;
    }
  }

  private void grantAccess(long consentId, java.util.Collection<Integer> retailers)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT IGNORE INTO consent_retailer_access (consent_id, retailer_code)"
                + " VALUES (?, ?)")) {
      for (Integer retailer : retailers) {
        insert.setLong(1, consentId);
        insert.setInt(2, retailer);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * A statement of the ledger failed. Unchecked, so the container rolls the transaction back; the
   * SQL cause stays attached, so a lost race (duplicate key, deadlock) is still recognised and
   * retried.
   */
  static final class ConsentWriteFailed extends RuntimeException {
    ConsentWriteFailed(SQLException cause) {
      super("writing a consent failed", cause);
    }
  }
}
