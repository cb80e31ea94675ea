package org.iys.application.consentfile;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.persistence.Resources;

/**
 * The register of received bulk consent files and their imports.
 *
 * <p>A file is known by its content: the SHA-256 of its bytes is unique per brand, so sending the
 * same file twice is answered with the earlier import instead of importing it again. Starting an
 * import is a claim in the database (a conditional update from WAITING that only one caller wins),
 * so several server instances running the same schedule start each file exactly once.
 */
@Stateless
public class ConsentFiles {

  private static final String COLUMNS =
      "id, iys_code, brand_code, sha256, file_name, size_bytes, status, received_at,"
          + " execution_id, started_at, progress_at, finished_at, chars_read, rows_read,"
          + " rows_written, rows_refused, rows_warned, failure";

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  /**
   * Records a received file as waiting for its import.
   *
   * @throws DomainException IYS010 naming the earlier import when the brand already sent the same
   *     content
   */
  public ConsentFileView register(
      int iysCode, int brandCode, String sha256, String fileName, String storedPath, long size) {
    String sql =
        "INSERT INTO consent_file (iys_code, brand_code, sha256, file_name, stored_path,"
            + " size_bytes, status, received_at) VALUES (?, ?, ?, ?, ?, ?, 'WAITING', ?)";
    long id;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
      insert.setInt(1, iysCode);
      insert.setInt(2, brandCode);
      insert.setString(3, sha256);
      insert.setString(4, fileName);
      insert.setString(5, storedPath);
      insert.setLong(6, size);
      insert.setObject(7, utc(Instant.now()));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    } catch (SQLIntegrityConstraintViolationException duplicate) {
      throw alreadyReceived(iysCode, brandCode, sha256);
    } catch (SQLException e) {
      throw new IllegalStateException("storing a received consent file failed", e);
    }
    return find(id).orElseThrow();
  }

  public Optional<ConsentFileView> find(long id) {
    return query("SELECT " + COLUMNS + " FROM consent_file WHERE id = ?", id).stream().findFirst();
  }

  /**
   * The file, if it belongs to this brand.
   *
   * @throws DomainException IYS011 otherwise
   */
  public ConsentFileView ofBrand(int iysCode, int brandCode, long id) {
    return find(id)
        .filter(file -> file.iysCode() == iysCode && file.brandCode() == brandCode)
        .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS011, "id", id)));
  }

  /** The newest files first, whatever their state, for the staff screens. */
  public List<ConsentFileView> recent(int max) {
    return query("SELECT " + COLUMNS + " FROM consent_file ORDER BY id DESC LIMIT ?", max);
  }

  public String storedPath(long id) {
    return text("SELECT stored_path FROM consent_file WHERE id = ?", id);
  }

  public List<Long> waiting() {
    return ids("SELECT id FROM consent_file WHERE status = 'WAITING' ORDER BY received_at", null);
  }

  /** Files this instance was importing when it stopped: nobody else will finish them. */
  public List<Long> runningOn(String instance) {
    return ids("SELECT id FROM consent_file WHERE status = 'RUNNING' AND claimed_by = ?", instance);
  }

  /** Takes a waiting file for this instance; false when another caller took it first. */
  public boolean claim(long id, String instance) {
    return update(
        "UPDATE consent_file SET status = 'RUNNING', claimed_by = ?, started_at = ?,"
            + " progress_at = ? WHERE id = ? AND status = 'WAITING'",
        instance,
        id);
  }

  /**
   * Takes over an import that failed or that has made no progress since {@code idleSince}: the
   * moment this instance started, for its own interrupted imports, or a staleness limit for any.
   * Taking over stamps progress, so a second caller with the same limit does not win too.
   */
  public boolean takeOver(long id, String instance, Instant idleSince) {
    String sql =
        "UPDATE consent_file SET status = 'RUNNING', claimed_by = ?, progress_at = ?,"
            + " finished_at = NULL, failure = NULL WHERE id = ? AND (status = 'FAILED'"
            + " OR (status = 'RUNNING' AND progress_at < ?))";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, instance);
      update.setObject(2, utc(Instant.now()));
      update.setLong(3, id);
      update.setObject(4, utc(idleSince));
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("taking over a consent file failed", e);
    }
  }

  public void started(long id, long executionId) {
    execute("UPDATE consent_file SET execution_id = ? WHERE id = ?", executionId, id);
  }

  public void finished(long id, boolean completed, String failure) {
    String sql =
        "UPDATE consent_file SET status = ?, finished_at = ?, failure = ? WHERE id = ?"
            + " AND status = 'RUNNING'";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, completed ? "COMPLETED" : "FAILED");
      update.setObject(2, utc(Instant.now()));
      update.setString(3, failure == null ? null : truncate(failure, 1000));
      update.setLong(4, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("finishing a consent file failed", e);
    }
  }

  /** The number of data rows already handed on: an import resumes after them. */
  public long rowsDone(long id) {
    String value =
        text("SELECT COALESCE(MAX(record_number), 0) FROM consent_file_row WHERE file_id = ?", id);
    return Long.parseLong(value);
  }

  /** Streams the report, in line order, without holding it in memory. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void report(long id, Consumer<ReportLine> sink) {
    String sql =
        "SELECT line_number, shown_key, outcome, code, message FROM consent_file_row"
            + " WHERE file_id = ? ORDER BY line_number";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      select.setFetchSize(1000);
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sink.accept(
              new ReportLine(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading an import report failed", e);
    }
  }

  private DomainException alreadyReceived(int iysCode, int brandCode, String sha256) {
    List<Long> earlier =
        ids(
            "SELECT id FROM consent_file WHERE iys_code = "
                + iysCode
                + " AND brand_code = "
                + brandCode
                + " AND sha256 = ?",
            sha256);
    String id = earlier.isEmpty() ? "?" : earlier.get(0).toString();
    return new DomainException(
        Violation.of(ErrorCode.IYS010, "sha256", sha256)
            .withMessage(
                "This file was already received for this brand as consent file "
                    + id
                    + "; its content (SHA-256 "
                    + sha256
                    + ") is imported only once."));
  }

  private List<ConsentFileView> query(String sql, long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      List<ConsentFileView> views = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          views.add(view(rows));
        }
      }
      return views;
    } catch (SQLException e) {
      throw new IllegalStateException("reading consent files failed", e);
    }
  }

  private static ConsentFileView view(ResultSet rows) throws SQLException {
    String status = rows.getString("status");
    Instant started = instant(rows, "started_at");
    Instant progressAt = instant(rows, "progress_at");
    long size = rows.getLong("size_bytes");
    long chars = rows.getLong("chars_read");
    return new ConsentFileView(
        rows.getLong("id"),
        rows.getInt("iys_code"),
        rows.getInt("brand_code"),
        rows.getString("sha256"),
        rows.getString("file_name"),
        size,
        status,
        instant(rows, "received_at"),
        (Long) rows.getObject("execution_id", Long.class),
        started,
        instant(rows, "finished_at"),
        rows.getLong("rows_read"),
        rows.getLong("rows_written"),
        rows.getLong("rows_refused"),
        rows.getLong("rows_warned"),
        "RUNNING".equals(status) ? estimate(started, progressAt, chars, size) : null,
        rows.getString("failure"));
  }

  // Characters stand in for bytes: the files are nearly all single-byte text, and this is an
  // estimate for a progress display, not an accounting figure.
  private static Instant estimate(Instant started, Instant progressAt, long chars, long size) {
    if (started == null || progressAt == null || chars <= 0) {
      return null;
    }
    long elapsed = Duration.between(started, progressAt).toMillis();
    double total = elapsed * Math.max(1.0, (double) size / chars);
    return started.plusMillis((long) total).truncatedTo(ChronoUnit.SECONDS);
  }

  private List<Long> ids(String sql, String parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("reading consent files failed", e);
    }
  }

  private String text(String sql, long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading consent files failed", e);
    }
  }

  private boolean update(String sql, String instance, long id) {
    LocalDateTime now = utc(Instant.now());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, instance);
      update.setObject(2, now);
      update.setObject(3, now);
      update.setLong(4, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("claiming a consent file failed", e);
    }
  }

  private void execute(String sql, long first, long second) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, first);
      update.setLong(2, second);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating a consent file failed", e);
    }
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null
        ? null
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
