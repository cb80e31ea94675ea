package org.iys.application.reconciliation;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.reconciliation.DailyMovementCsv;
import org.iys.infrastructure.persistence.Resources;

/**
 * Compares a business's own current consent list with the registry's current states of its brand
 * and keeps every difference:
 *
 * <ul>
 *   <li>{@code MISSING_IN_REGISTRY}: the business lists a key the registry has never recorded;
 *   <li>{@code MISSING_AT_BUSINESS}: the registry holds a key the list does not mention;
 *   <li>{@code REJECTION_NOT_APPLIED}: the citizen rejected through the registry ({@code IYS_*}
 *       source) and the business still lists ONAY, the difference that matters most;
 *   <li>{@code DIFFERENT_STATUS}: any other disagreement on the status;
 *   <li>{@code UNREADABLE}: a line that names no valid key.
 * </ul>
 *
 * Differences are keyed by consent key (or line), so a chunk written twice adds nothing.
 */
@Stateless
public class ListComparisons {

  public static final List<String> KINDS =
      List.of(
          "REJECTION_NOT_APPLIED",
          "DIFFERENT_STATUS",
          "MISSING_IN_REGISTRY",
          "MISSING_AT_BUSINESS",
          "UNREADABLE");

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  /** Records a received list as running on {@code instance}, which starts its job at once. */
  public long register(
      int iysCode, int brandCode, String fileName, String storedPath, String instance) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO list_comparison (iys_code, brand_code, file_name, stored_path,"
                    + " status, received_at, claimed_by, progress_at)"
                    + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      LocalDateTime now = utc(Instant.now());
      insert.setInt(1, iysCode);
      insert.setInt(2, brandCode);
      insert.setString(3, fileName == null ? null : truncate(fileName, 255));
      insert.setString(4, storedPath);
      insert.setObject(5, now);
      insert.setString(6, instance);
      insert.setObject(7, now);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("registering a list comparison failed", e);
    }
  }

  /** The comparisons this instance was running; after a restart it continues them. */
  public List<Long> runningOn(String instance) {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id FROM list_comparison WHERE status = 'RUNNING' AND claimed_by = ?"
                    + " ORDER BY id")) {
      select.setString(1, instance);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing running list comparisons failed", e);
    }
    return ids;
  }

  /**
   * Takes over a running comparison that has made no progress since {@code idleSince} (for an
   * instance's own comparisons, the moment it started). Taking over stamps progress, so a second
   * caller with the same limit does not win as well.
   */
  public boolean takeOver(long id, String instance, Instant idleSince) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE list_comparison SET claimed_by = ?, progress_at = ?"
                    + " WHERE id = ? AND status = 'RUNNING'"
                    + " AND (progress_at IS NULL OR progress_at < ?)")) {
      update.setString(1, instance);
      update.setObject(2, utc(Instant.now()));
      update.setLong(3, id);
      update.setObject(4, utc(idleSince));
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("taking over a list comparison failed", e);
    }
  }

  /**
   * How many list rows earlier runs have compared: committed with their differences, so a run that
   * continues after a crash reads on from here and neither skips nor repeats a row.
   */
  public long rowsDone(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT rows_read FROM list_comparison WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading a list comparison failed", e);
    }
  }

  public void started(long id, long executionId) {
    update("UPDATE list_comparison SET execution_id = ? WHERE id = ?", executionId, id);
  }

  public void finished(long id, boolean completed, String failure) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE list_comparison SET status = ?, failure = ?, finished_at = ?"
                    + " WHERE id = ?")) {
      update.setString(1, completed ? "COMPLETED" : "FAILED");
      update.setString(2, failure == null ? null : truncate(failure, 1000));
      update.setObject(3, utc(Instant.now()));
      update.setLong(4, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("finishing a list comparison failed", e);
    }
  }

  /**
   * Compares one chunk of the list: one query for the registry's states of its keys. Runs in the
   * chunk's transaction, so the differences and the count of rows done commit together.
   */
  public void compare(long id, int brandCode, List<ListEntry> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Object[]> registry = registryStates(connection, brandCode, chunk);
      List<Object[]> differences = new ArrayList<>();
      try (PreparedStatement key =
          connection.prepareStatement(
              "INSERT IGNORE INTO list_comparison_key (comparison_id, consent_key, line_number)"
                  + " VALUES (?, ?, ?)")) {
        for (ListEntry entry : chunk) {
          if (entry.consentKey() == null) {
            differences.add(
                difference(
                    "line:" + entry.lineNumber(), "UNREADABLE", entry, null, entry.problem()));
            continue;
          }
          key.setLong(1, id);
          key.setString(2, entry.consentKey());
          key.setLong(3, entry.lineNumber());
          key.addBatch();
          Object[] stored = registry.get(entry.consentKey());
          String kind = kind(entry.status(), stored);
          if (kind != null) {
            differences.add(difference(entry.consentKey(), kind, entry, stored, null));
          }
        }
        key.executeBatch();
      }
      insertDifferences(connection, id, differences);
      try (PreparedStatement progress =
          connection.prepareStatement(
              "UPDATE list_comparison SET rows_read = rows_read + ?, progress_at = ?"
                  + " WHERE id = ?")) {
        progress.setInt(1, chunk.size());
        progress.setObject(2, utc(Instant.now()));
        progress.setLong(3, id);
        progress.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("comparing a chunk of a business list failed", e);
    }
  }

  /**
   * After the whole list is read: every registry key of the brand that the list left out. The built
   * key is converted to the stored keys' ascii_bin: compared as utf8mb4 it cannot use their primary
   * key, and the anti-join scans the whole list once per consent (minutes for 200,000).
   */
  public void findMissingAtBusiness(long id, int brandCode) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT IGNORE INTO list_comparison_difference (comparison_id, entry, kind,"
                    + " recipient_type, type, recipient, registry_status, registry_source,"
                    + " registry_date)"
                    + " SELECT ?, CONCAT(c.recipient_type, '|', c.type, '|', c.recipient),"
                    + " 'MISSING_AT_BUSINESS', c.recipient_type, c.type, c.recipient, c.status,"
                    + " c.source, c.consent_date FROM consent c WHERE c.brand_code = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM list_comparison_key k"
                    + " WHERE k.comparison_id = ?"
                    + " AND k.consent_key = CONVERT(CONCAT(c.recipient_type, '|', c.type, '|',"
                    + " c.recipient) USING ascii) COLLATE ascii_bin)")) {
      insert.setLong(1, id);
      insert.setInt(2, brandCode);
      insert.setLong(3, id);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("finding the keys missing at the business failed", e);
    }
  }

  /**
   * @throws DomainException IYS032 when the comparison does not exist or belongs to another brand
   */
  public ListComparisonView ofBrand(int iysCode, int brandCode, long id) {
    try (Connection connection = dataSource.getConnection()) {
      ListComparisonView view = find(connection, id);
      if (view == null || view.iysCode() != iysCode || view.brandCode() != brandCode) {
        throw new DomainException(Violation.of(ErrorCode.IYS032, "id", id));
      }
      return view;
    } catch (SQLException e) {
      throw new IllegalStateException("reading a list comparison failed", e);
    }
  }

  /** Any brand's comparison, for staff; empty when there is none with this id. */
  public Optional<ListComparisonView> find(long id) {
    try (Connection connection = dataSource.getConnection()) {
      return Optional.ofNullable(find(connection, id));
    } catch (SQLException e) {
      throw new IllegalStateException("reading a list comparison failed", e);
    }
  }

  /** The latest comparisons of every brand, newest first, for the staff screens. */
  public List<ListComparisonView> recent(int limit) {
    List<ListComparisonView> views = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id FROM list_comparison ORDER BY received_at DESC, id DESC LIMIT ?")) {
        select.setInt(1, limit);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
      // Two small queries per row; the screen shows a bounded page, so this stays cheap.
      for (long id : ids) {
        ListComparisonView view = find(connection, id);
        if (view != null) {
          views.add(view);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing list comparisons failed", e);
    }
    return views;
  }

  public String storedPath(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT stored_path FROM list_comparison WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading a list comparison failed", e);
    }
  }

  /**
   * The report as UTF-8 CSV, the most urgent kinds first: kind, line, recipientType, type,
   * recipient, business status, registry status, registry source, registry consent date, message.
   */
  public void report(int iysCode, int brandCode, long id, OutputStream out) throws IOException {
    ofBrand(iysCode, brandCode, id);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(
        "kind,line,recipientType,type,recipient,businessStatus,registryStatus,registrySource,"
            + "registryConsentDate,message\n");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT kind, line_number, recipient_type, type, recipient, business_status,"
                    + " registry_status, registry_source, registry_date, message"
                    + " FROM list_comparison_difference WHERE comparison_id = ?"
                    + " ORDER BY FIELD(kind, 'REJECTION_NOT_APPLIED', 'DIFFERENT_STATUS',"
                    + " 'MISSING_IN_REGISTRY', 'MISSING_AT_BUSINESS', 'UNREADABLE'),"
                    + " line_number, entry")) {
      select.setLong(1, id);
      select.setFetchSize(1000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long line = row.getLong(2);
          String lineText = row.wasNull() ? "" : Long.toString(line);
          LocalDateTime date = row.getObject(9, LocalDateTime.class);
          String text =
              DailyMovementCsv.line(
                  row.getString(1),
                  lineText,
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getString(7),
                  row.getString(8));
          // The shared line writer takes eight fields; the last two are appended the same way.
          writer.write(text, 0, text.length() - 1);
          writer.write(
              ","
                  + (date == null ? "" : ConsentDate.format(date.toInstant(ZoneOffset.UTC)))
                  + ","
                  + quoted(row.getString(10))
                  + "\n");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("writing a list comparison report failed", e);
    }
    writer.flush();
  }

  private static String kind(String businessStatus, Object[] stored) {
    if (stored == null) {
      return "MISSING_IN_REGISTRY";
    }
    if (stored[0].equals(businessStatus)) {
      return null;
    }
    boolean citizenRejected =
        "RET".equals(stored[0]) && stored[1] instanceof String source && source.startsWith("IYS_");
    return citizenRejected ? "REJECTION_NOT_APPLIED" : "DIFFERENT_STATUS";
  }

  private static Object[] difference(
      String entry, String kind, ListEntry listed, Object[] stored, String message) {
    return new Object[] {
      entry,
      kind,
      listed.lineNumber(),
      listed.recipientType(),
      listed.type(),
      listed.recipient() == null ? null : truncate(listed.recipient(), 400),
      listed.status(),
      stored == null ? null : stored[0],
      stored == null ? null : stored[1],
      stored == null ? null : stored[2],
      message == null ? null : truncate(message, 1000)
    };
  }

  private static void insertDifferences(Connection connection, long id, List<Object[]> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT IGNORE INTO list_comparison_difference (comparison_id, entry, kind,"
                + " line_number, recipient_type, type, recipient, business_status,"
                + " registry_status, registry_source, registry_date, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : rows) {
        insert.setLong(1, id);
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 2, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  // Current status, source and consent date of each listed key, by one query per chunk.
  private static Map<String, Object[]> registryStates(
      Connection connection, int brandCode, List<ListEntry> chunk) throws SQLException {
    List<String> recipients =
        chunk.stream()
            .filter(entry -> entry.consentKey() != null)
            .map(ListEntry::recipient)
            .distinct()
            .toList();
    Map<String, Object[]> states = new HashMap<>();
    if (recipients.isEmpty()) {
      return states;
    }
    String sql =
        "SELECT recipient_type, type, recipient, status, source, consent_date FROM consent"
            + " WHERE brand_code = ? AND recipient IN ("
            + String.join(", ", Collections.nCopies(recipients.size(), "?"))
            + ")";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, brandCode);
      for (int i = 0; i < recipients.size(); i++) {
        select.setString(i + 2, recipients.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          states.put(
              row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3),
              new Object[] {
                row.getString(4), row.getString(5), row.getObject(6, LocalDateTime.class)
              });
        }
      }
    }
    return states;
  }

  private ListComparisonView find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT iys_code, brand_code, file_name, status, received_at, finished_at,"
                + " rows_read, failure FROM list_comparison WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind, 0L));
        try (PreparedStatement count =
            connection.prepareStatement(
                "SELECT kind, COUNT(*) FROM list_comparison_difference WHERE comparison_id = ?"
                    + " GROUP BY kind")) {
          count.setLong(1, id);
          try (ResultSet kinds = count.executeQuery()) {
            while (kinds.next()) {
              counts.put(kinds.getString(1), kinds.getLong(2));
            }
          }
        }
        LocalDateTime finished = row.getObject(6, LocalDateTime.class);
        return new ListComparisonView(
            id,
            row.getInt(1),
            row.getInt(2),
            row.getString(3),
            row.getString(4),
            row.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
            finished == null ? null : finished.toInstant(ZoneOffset.UTC),
            row.getLong(7),
            counts,
            row.getString(8));
      }
    }
  }

  private void update(String sql, long first, long second) {
    try (Connection connection = dataSource.getConnection()) {
      update(connection, sql, first, second);
    } catch (SQLException e) {
      throw new IllegalStateException("updating a list comparison failed", e);
    }
  }

  private static void update(Connection connection, String sql, long first, long second)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, first);
      update.setLong(2, second);
      update.executeUpdate();
    }
  }

  private static String quoted(String value) {
    if (value == null) {
      return "";
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
