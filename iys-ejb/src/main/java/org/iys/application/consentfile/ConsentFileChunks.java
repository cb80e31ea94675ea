package org.iys.application.consentfile;

import static org.iys.application.consentfile.ConsentFiles.truncate;
import static org.iys.application.consentfile.ConsentFiles.utc;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.iys.application.citizen.ProtectedRejections;
import org.iys.application.consent.ConsentRows;
import org.iys.application.consent.ConsentSignals;
import org.iys.application.retailer.Retailers;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.TransactionId;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.persistence.Resources;

/**
 * Applies one chunk of a bulk consent file: the state rules of the {@link Consent} aggregate
 * against the stored state, then the movements, the current states and the report rows, all in the
 * caller's transaction (the batch chunk's, which also holds the checkpoint).
 *
 * <p>The current states of the chunk's keys are read in one query and the writes go out as JDBC
 * batches, because one entity manager round trip per row is several times slower on million-row
 * files. The rules themselves are the aggregate's own: nothing here decides whether a change may
 * follow a state.
 *
 * <p>A chunk that is handed over again (after a crash between the database commit and the batch
 * runtime's bookkeeping) finds its rows already in the report and skips them, so a movement is
 * never written twice.
 */
@Stateless
public class ConsentFileChunks {

  private static final String WRITTEN = "WRITTEN";
  private static final String REFUSED = "REFUSED";

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private ConsentSignals signals;

  @EJB private ProtectedRejections protectedRejections;

  @EJB private Retailers retailers;

  public void apply(long fileId, int iysCode, int brandCode, List<ConsentFileRow> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection()) {
      List<ConsentFileRow> rows = notYetStored(connection, fileId, chunk);
      Map<String, Long> earlierLines = earlierLinesOfKeys(connection, fileId, rows);
      Map<ConsentKey, Stored> stored = storedStates(connection, brandCode, rows);
      Set<Integer> namedRetailers = new HashSet<>();
      rows.stream()
          .filter(row -> row.change() != null)
          .forEach(row -> namedRetailers.addAll(Retailers.codesOf(row.change())));
      Set<Integer> knownRetailers = retailers.knownAmong(brandCode, namedRetailers);

      Writes writes = new Writes(fileId);
      for (ConsentFileRow row : rows) {
        judge(row, iysCode, brandCode, now, earlierLines, stored, knownRetailers, writes);
      }
      writes.flush(connection, now, chunk);
      // After the movements are written, in the chunk's transaction, as single adds do: a notice
      // and its reject link exist exactly when the ONAY does.
      signals.approvalsRecorded(writes.approvals, connection);
      for (ConsentKey key : writes.protectedRefusals) {
        protectedRejections.refusedWithin(
            new ConsentSignals.ProtectedRejectionRefused(iysCode, key, now));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("writing a chunk of a consent file failed", e);
    }
  }

  private void judge(
      ConsentFileRow row,
      int iysCode,
      int brandCode,
      Instant now,
      Map<String, Long> earlierLines,
      Map<ConsentKey, Stored> stored,
      Set<Integer> knownRetailers,
      Writes writes) {
    if (row.change() == null) {
      writes.report(row, null, REFUSED, row.refusals());
      return;
    }
    ConsentChange change = row.change();
    ConsentKey key = change.key(brandCode);
    String keyText = keyText(key);
    Long earlierLine = earlierLines.putIfAbsent(keyText, row.lineNumber());
    if (earlierLine != null) {
      writes.report(row, keyText, REFUSED, List.of(repeated(earlierLine)));
      return;
    }
    List<Violation> unknownRetailers = Retailers.unknownIn(change, knownRetailers);
    if (!unknownRetailers.isEmpty()) {
      writes.report(row, keyText, REFUSED, unknownRetailers);
      return;
    }
    Stored current = stored.get(key);
    Consent consent = current == null ? Consent.unrecorded(iysCode, key) : current.consent;
    List<Violation> refusals = consent.refusals(change);
    if (!refusals.isEmpty()) {
      if (refusals.stream().anyMatch(refusal -> refusal.code() == ErrorCode.IYS001)) {
        writes.protectedRefusals.add(key);
      }
      writes.report(row, keyText, REFUSED, refusals);
      return;
    }
    boolean approvedBefore = current != null && consent.status() == ConsentStatus.ONAY;
    ConsentMovement movement = consent.apply(change, TransactionId.random(), now);
    writes.movement(movement, current);
    if (change.status() == ConsentStatus.ONAY && !change.isFromRegistry() && !approvedBefore) {
      writes.approvals.add(movement);
    }
    writes.report(row, keyText, WRITTEN, List.of());
  }

  private static Violation repeated(long earlierLine) {
    return Violation.of(ErrorCode.H194)
        .withMessage(
            "The file already holds a row for the same recipientType, type and recipient, on line "
                + earlierLine
                + "; each key may appear only once per file.");
  }

  // Without the brand: a file belongs to one brand.
  private static String keyText(ConsentKey key) {
    return keyText(key.recipient().address(), key.recipientType().name(), key.type().name());
  }

  private static String keyText(String address, String recipientType, String type) {
    return recipientType + "|" + type + "|" + address;
  }

  private static List<ConsentFileRow> notYetStored(
      Connection connection, long fileId, List<ConsentFileRow> chunk) throws SQLException {
    long first = chunk.get(0).lineNumber();
    long last = chunk.get(chunk.size() - 1).lineNumber();
    Set<Long> stored = new HashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT line_number FROM consent_file_row WHERE file_id = ?"
                + " AND line_number BETWEEN ? AND ?")) {
      select.setLong(1, fileId);
      select.setLong(2, first);
      select.setLong(3, last);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.add(rows.getLong(1));
        }
      }
    }
    return chunk.stream().filter(row -> !stored.contains(row.lineNumber())).toList();
  }

  // Keys of earlier chunks of the same file come from the report, so a repeat is found however far
  // apart the rows are and even after a restart.
  private static Map<String, Long> earlierLinesOfKeys(
      Connection connection, long fileId, List<ConsentFileRow> rows) throws SQLException {
    List<String> keys =
        rows.stream()
            .filter(row -> row.change() != null)
            .map(row -> keyText(row.change().key(0)))
            .distinct()
            .toList();
    Map<String, Long> earlier = new HashMap<>();
    if (keys.isEmpty()) {
      return earlier;
    }
    String sql =
        "SELECT consent_key, line_number FROM consent_file_row WHERE file_id = ?"
            + " AND consent_key IN ("
            + placeholders(keys.size())
            + ")";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, fileId);
      for (int i = 0; i < keys.size(); i++) {
        select.setString(i + 2, keys.get(i));
      }
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          earlier.merge(found.getString(1), found.getLong(2), Math::min);
        }
      }
    }
    return earlier;
  }

  private Map<ConsentKey, Stored> storedStates(
      Connection connection, int brandCode, List<ConsentFileRow> rows) throws SQLException {
    Set<ConsentKey> keys =
        rows.stream()
            .filter(row -> row.change() != null)
            .map(row -> row.change().key(brandCode))
            .collect(Collectors.toSet());
    Map<ConsentKey, Stored> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    Map<String, ConsentKey> wanted = new HashMap<>();
    for (ConsentKey key : keys) {
      wanted.put(keyText(key), key);
    }
    List<String> recipients =
        keys.stream().map(key -> key.recipient().address()).distinct().toList();
    String sql =
        "SELECT "
            + ConsentRows.COLUMNS
            + ", recipient, recipient_type, type, iys_code FROM consent"
            + " WHERE brand_code = ? AND recipient IN ("
            + placeholders(recipients.size())
            + ")";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, brandCode);
      for (int i = 0; i < recipients.size(); i++) {
        select.setString(i + 2, recipients.get(i));
      }
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          ConsentKey key =
              wanted.get(keyText(found.getString(9), found.getString(10), found.getString(11)));
          if (key != null) {
            Consent consent = ConsentRows.read(found, found.getInt(12), key);
            stored.put(key, new Stored(consent, consent.version()));
          }
        }
      }
    }
    return stored;
  }

  /**
   * The refusals of one row as its report shows them: each code with the field it concerns, as the
   * file names it, since a report line has no other place for the location the API would give.
   */
  static String describe(List<Violation> refusals) {
    return refusals.stream()
        .map(
            v ->
                v.code().code()
                    + (v.location().isEmpty()
                        ? ""
                        : " ["
                            + v.location().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining("."))
                            + "]")
                    + " "
                    + v.message())
        .collect(Collectors.joining(" | "));
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** A stored consent with the version it was read at. */
  private record Stored(Consent consent, long version) {}

  /** The chunk's writes, collected so that each kind goes to the database as one batch. */
  private static final class Writes {
    private final long fileId;
    private final List<ConsentMovement> movements = new ArrayList<>();
    private final List<ConsentMovement> created = new ArrayList<>();
    private final List<Object[]> updated = new ArrayList<>();
    private final List<Object[]> reportRows = new ArrayList<>();
    private final List<ConsentMovement> approvals = new ArrayList<>();
    private final List<ConsentKey> protectedRefusals = new ArrayList<>();
    private long written;
    private long refused;
    private long warned;

    Writes(long fileId) {
      this.fileId = fileId;
    }

    void movement(ConsentMovement movement, Stored current) {
      movements.add(movement);
      if (current == null) {
        created.add(movement);
      } else {
        updated.add(new Object[] {movement, current.consent().id(), current.version()});
      }
    }

    void report(ConsentFileRow row, String keyText, String outcome, List<Violation> refusals) {
      String code;
      String message;
      if (refusals.isEmpty()) {
        code = row.warning() == null ? null : ErrorCode.IYS021.code();
        message = row.warning();
        written++;
      } else {
        code = refusals.get(0).code().code();
        message = describe(refusals);
        refused++;
      }
      if (row.warning() != null) {
        warned++;
      }
      reportRows.add(
          new Object[] {
            row.lineNumber(),
            row.recordNumber(),
            keyText,
            truncate(row.shownKey(), 400),
            outcome,
            code,
            truncate(message, 1000)
          });
    }

    void flush(Connection connection, Instant now, List<ConsentFileRow> chunk) throws SQLException {
      insertMovements(connection);
      insertConsents(connection);
      updateConsents(connection);
      insertReport(connection);
      ConsentFileRow last = chunk.get(chunk.size() - 1);
      try (PreparedStatement progress =
          connection.prepareStatement(
              "UPDATE consent_file SET rows_read = rows_read + ?, rows_written = rows_written + ?,"
                  + " rows_refused = rows_refused + ?, rows_warned = rows_warned + ?,"
                  + " chars_read = GREATEST(chars_read, ?), progress_at = ? WHERE id = ?")) {
        progress.setLong(1, reportRows.size());
        progress.setLong(2, written);
        progress.setLong(3, refused);
        progress.setLong(4, warned);
        progress.setLong(5, last.charsRead());
        progress.setObject(6, utc(now));
        progress.setLong(7, fileId);
        progress.executeUpdate();
      }
    }

    private void insertMovements(Connection connection) throws SQLException {
      if (movements.isEmpty()) {
        return;
      }
      try (PreparedStatement insert = connection.prepareStatement(ConsentRows.INSERT_MOVEMENT)) {
        for (ConsentMovement m : movements) {
          ConsentRows.bindMovement(insert, m);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    private void insertConsents(Connection connection) throws SQLException {
      if (created.isEmpty()) {
        return;
      }
      try (PreparedStatement insert = connection.prepareStatement(ConsentRows.INSERT_CONSENT)) {
        for (ConsentMovement m : created) {
          ConsentRows.bindNewConsent(insert, m);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    // The version guard makes a concurrent change through the API and this import exclude each
    // other: the losing side fails and its whole chunk is retried against the new state.
    private void updateConsents(Connection connection) throws SQLException {
      if (updated.isEmpty()) {
        return;
      }
      try (PreparedStatement update = connection.prepareStatement(ConsentRows.UPDATE_CONSENT)) {
        for (Object[] change : updated) {
          ConsentRows.bindUpdate(
              update, (ConsentMovement) change[0], (Long) change[1], (Long) change[2]);
          update.addBatch();
        }
        for (int count : update.executeBatch()) {
          if (count == 0) {
            throw new SQLException("a consent changed while the import was applying a chunk");
          }
        }
      }
    }

    private void insertReport(Connection connection) throws SQLException {
      if (reportRows.isEmpty()) {
        return;
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO consent_file_row (file_id, line_number, record_number, consent_key,"
                  + " shown_key, outcome, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Object[] row : reportRows) {
          insert.setLong(1, fileId);
          insert.setLong(2, (Long) row[0]);
          insert.setLong(3, (Long) row[1]);
          insert.setString(4, (String) row[2]);
          insert.setString(5, (String) row[3]);
          insert.setString(6, (String) row[4]);
          insert.setString(7, (String) row[5]);
          insert.setString(8, (String) row[6]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
