package org.iys.application.reconciliation;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.domain.reconciliation.DailyMovementCsv;
import org.iys.domain.reconciliation.MovementChain;
import org.iys.infrastructure.persistence.Resources;

/**
 * A brand's daily movement files and their hash chain.
 *
 * <p>A day's file holds the brand's movements created that day (Turkey's calendar day), sorted by
 * creation date, then transaction id. It is never stored: it is rebuilt from the append-only
 * movements whenever it is asked for. What is stored, once the day is over, is its hash, its row
 * count and its chain hash ({@link MovementChain}); from then on a rebuilt file that hashes
 * differently proves that history was rewritten.
 *
 * <p>A day is frozen on demand (the first time any of its hashes is asked for after it ended) or by
 * the nightly run, whichever comes first; both insert the same row and the first insert wins, so
 * instances never disagree. A day is frozen only a while after it ended, so that a movement stamped
 * just before midnight but committed just after is inside its file.
 */
@Stateless
public class DailyMovementFiles {

  /** How long after midnight a day is still open to late commits. */
  static final Duration SETTLING = Duration.ofMinutes(10);

  static final int DAYS_BACK = 7;

  private static final int LONGEST_CHECK = 366;

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  /** Turkey's date today, by the registry's clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), BusinessCalendar.TURKEY);
  }

  /**
   * Reads a report date and checks it is within the last {@value #DAYS_BACK} days.
   *
   * @throws DomainException H501 for a malformed date, H502 for one further back
   */
  public LocalDate reportDate(String text) {
    LocalDate date = parse(text, "reportDate");
    if (date.isBefore(today().minusDays(DAYS_BACK))) {
      throw new DomainException(Violation.of(ErrorCode.H502, "reportDate", text));
    }
    return date;
  }

  /** The day's hashes, frozen first when the day is over; empty when the brand has no chain yet. */
  public Optional<DailyDay> day(int iysCode, int brandCode, LocalDate date) {
    try (Connection connection = dataSource.getConnection()) {
      if (isOver(date)) {
        freezeUpTo(connection, iysCode, brandCode, date);
        return stored(connection, brandCode, date);
      }
      Digest digest = digest(connection, brandCode, date, null);
      return Optional.of(new DailyDay(date, digest.rows, digest.hash, null, null, false, null));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the daily movement file failed", e);
    }
  }

  /**
   * The latest frozen days of every brand's chain, newest brand first (the ones staff are most
   * likely asked about) and then newest day first; it reads what is stored and freezes nothing.
   */
  public List<BrandDay> recentChains(int daysPerBrand) {
    List<BrandDay> days = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT d.brand_code, d.iys_code, d.report_date, d.row_count, d.file_hash,"
                    + " d.previous_chain_hash, d.chain_hash, d.agreed_at"
                    + " FROM daily_movement_file d WHERE (SELECT COUNT(*) FROM daily_movement_file"
                    + " n WHERE n.brand_code = d.brand_code AND n.report_date > d.report_date) < ?"
                    + " ORDER BY d.brand_code DESC, d.report_date DESC")) {
      select.setInt(1, daysPerBrand);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          LocalDateTime agreed = rows.getObject(8, LocalDateTime.class);
          days.add(
              new BrandDay(
                  rows.getInt(2),
                  rows.getInt(1),
                  new DailyDay(
                      rows.getObject(3, LocalDate.class),
                      rows.getLong(4),
                      rows.getString(5),
                      rows.getString(6),
                      rows.getString(7),
                      true,
                      agreed == null ? null : agreed.toInstant(ZoneOffset.UTC))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing the daily chains failed", e);
    }
    return days;
  }

  /** Streams the day's file; answers its row count. */
  public long write(int brandCode, LocalDate date, OutputStream out) {
    try (Connection connection = dataSource.getConnection()) {
      return digest(connection, brandCode, date, out).rows;
    } catch (SQLException e) {
      throw new IllegalStateException("writing the daily movement file failed", e);
    }
  }

  public long rowCount(int brandCode, LocalDate date) {
    try (Connection connection = dataSource.getConnection()) {
      return count(connection, brandCode, date);
    } catch (SQLException e) {
      throw new IllegalStateException("counting the daily movements failed", e);
    }
  }

  /**
   * Records the business's agreement with a finished day's file.
   *
   * @return false when the day has no movements (nothing to agree with)
   */
  public boolean agree(int iysCode, int brandCode, LocalDate date) {
    Optional<DailyDay> day = day(iysCode, brandCode, date);
    if (day.isEmpty() || !day.get().frozen() || day.get().rowCount() == 0) {
      return false;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement agree =
            connection.prepareStatement(
                "UPDATE daily_movement_file SET agreed_at = ? WHERE brand_code = ?"
                    + " AND report_date = ? AND agreed_at IS NULL")) {
      agree.setObject(1, utc(clock.instant()));
      agree.setInt(2, brandCode);
      agree.setObject(3, date);
      agree.executeUpdate();
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("recording the agreement failed", e);
    }
  }

  /**
   * Counts of the day's movements of one recipient type: per channel, per source group (HS or IYS),
   * approvals and rejections.
   */
  public Map<String, Map<String, long[]>> summary(
      int brandCode, LocalDate date, String recipientType) {
    Map<String, Map<String, long[]>> stats = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT type, CASE WHEN source LIKE 'IYS\\_%' THEN 'IYS' ELSE 'HS' END, status,"
                    + " COUNT(*) FROM consent_movement WHERE brand_code = ?"
                    + " AND creation_date >= ? AND creation_date < ? AND recipient_type = ?"
                    + " GROUP BY 1, 2, 3")) {
      select.setInt(1, brandCode);
      select.setObject(2, startOf(date));
      select.setObject(3, startOf(date.plusDays(1)));
      select.setString(4, recipientType);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long[] counts =
              stats
                  .computeIfAbsent(rows.getString(1), type -> new TreeMap<>())
                  .computeIfAbsent(rows.getString(2), source -> new long[2]);
          counts["ONAY".equals(rows.getString(3)) ? 0 : 1] += rows.getLong(4);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("summarising the daily movements failed", e);
    }
    return stats;
  }

  /**
   * Rebuilds every frozen day from {@code from} to {@code to} and checks its file hash and its
   * link. Without {@code to}, up to Turkey's today; without {@code from}, the week ending at {@code
   * to}, so a plain call checks the days a business can still download.
   *
   * @throws DomainException H501 for malformed dates, IYS030 for a reversed or too long range
   */
  public ChainCheck verify(int iysCode, int brandCode, String fromText, String toText) {
    LocalDate to = toText == null ? today() : parse(toText, "to");
    LocalDate from = fromText == null ? to.minusDays(DAYS_BACK - 1) : parse(fromText, "from");
    if (to.isBefore(from) || from.plusDays(LONGEST_CHECK).isBefore(to)) {
      throw new DomainException(Violation.of(ErrorCode.IYS030, "to", toText));
    }
    List<ChainCheck.Day> days = new ArrayList<>();
    boolean valid = true;
    try (Connection connection = dataSource.getConnection()) {
      LocalDate lastOver = isOver(to) ? to : to.minusDays(1);
      while (!isOver(lastOver)) {
        lastOver = lastOver.minusDays(1);
      }
      if (!lastOver.isBefore(from)) {
        freezeUpTo(connection, iysCode, brandCode, lastOver);
      }
      String expectedPrevious = null;
      for (DailyDay day : storedBetween(connection, brandCode, from, to)) {
        if (expectedPrevious == null) {
          expectedPrevious = previousOf(connection, brandCode, day.reportDate());
        }
        String rebuilt = digest(connection, brandCode, day.reportDate(), null).hash;
        boolean fileMatches = rebuilt.equals(day.fileHash());
        boolean linkMatches =
            day.previousChainHash().equals(expectedPrevious)
                && MovementChain.link(expectedPrevious, day.reportDate(), day.fileHash())
                    .equals(day.chainHash());
        valid &= fileMatches && linkMatches;
        days.add(
            new ChainCheck.Day(
                day.reportDate(),
                day.rowCount(),
                day.fileHash(),
                rebuilt,
                day.chainHash(),
                fileMatches,
                linkMatches));
        expectedPrevious = day.chainHash();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("verifying the chain failed", e);
    }
    return new ChainCheck(from, to, valid, days);
  }

  /**
   * The nightly run: freezes yesterday for every brand with a chain or with movements, on the one
   * instance that claims the day.
   *
   * @return how many brands were brought up to date, or -1 when another instance has the claim
   */
  public int freezeYesterday(String instance) {
    LocalDate yesterday = today().minusDays(1);
    if (!isOver(yesterday)) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement claim =
          connection.prepareStatement(
              "INSERT IGNORE INTO daily_movement_claim (report_date, claimed_by, claimed_at)"
                  + " VALUES (?, ?, ?)")) {
        claim.setObject(1, yesterday);
        claim.setString(2, instance);
        claim.setObject(3, utc(clock.instant()));
        if (claim.executeUpdate() == 0) {
          return -1;
        }
      }
      List<int[]> brands = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement("SELECT brand_code, iys_code FROM brand");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          brands.add(new int[] {rows.getInt(1), rows.getInt(2)});
        }
      }
      for (int[] brand : brands) {
        freezeUpTo(connection, brand[1], brand[0], yesterday);
      }
      return brands.size();
    } catch (SQLException e) {
      throw new IllegalStateException("freezing yesterday's movement files failed", e);
    }
  }

  private boolean isOver(LocalDate date) {
    return !clock
        .instant()
        .isBefore(
            date.plusDays(1).atStartOfDay(BusinessCalendar.TURKEY).toInstant().plus(SETTLING));
  }

  // Brings the brand's chain up to `date`, one day after the other from the last frozen one (or
  // from the day of the brand's first movement).
  private void freezeUpTo(Connection connection, int iysCode, int brandCode, LocalDate date)
      throws SQLException {
    LocalDate next;
    String previous;
    try (PreparedStatement last =
        connection.prepareStatement(
            "SELECT report_date, chain_hash FROM daily_movement_file WHERE brand_code = ?"
                + " ORDER BY report_date DESC LIMIT 1")) {
      last.setInt(1, brandCode);
      try (ResultSet row = last.executeQuery()) {
        if (row.next()) {
          next = row.getObject(1, LocalDate.class).plusDays(1);
          previous = row.getString(2);
        } else {
          Optional<LocalDate> first = firstMovementDay(connection, brandCode);
          if (first.isEmpty()) {
            return;
          }
          next = first.get();
          previous = MovementChain.GENESIS;
        }
      }
    }
    for (LocalDate day = next; !day.isAfter(date); day = day.plusDays(1)) {
      Digest digest = digest(connection, brandCode, day, null);
      String chain = MovementChain.link(previous, day, digest.hash);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT IGNORE INTO daily_movement_file (brand_code, report_date, iys_code,"
                  + " row_count, file_hash, previous_chain_hash, chain_hash, frozen_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setInt(1, brandCode);
        insert.setObject(2, day);
        insert.setInt(3, iysCode);
        insert.setLong(4, digest.rows);
        insert.setString(5, digest.hash);
        insert.setString(6, previous);
        insert.setString(7, chain);
        insert.setObject(8, utc(clock.instant()));
        insert.executeUpdate();
      }
      // Another instance may have frozen the same day first; its row is the one that counts.
      previous = stored(connection, brandCode, day).orElseThrow().chainHash();
    }
  }

  private static Optional<LocalDate> firstMovementDay(Connection connection, int brandCode)
      throws SQLException {
    try (PreparedStatement first =
        connection.prepareStatement(
            "SELECT MIN(creation_date) FROM consent_movement WHERE brand_code = ?")) {
      first.setInt(1, brandCode);
      try (ResultSet row = first.executeQuery()) {
        row.next();
        LocalDateTime earliest = row.getObject(1, LocalDateTime.class);
        return Optional.ofNullable(earliest)
            .map(
                utc -> LocalDate.ofInstant(utc.toInstant(ZoneOffset.UTC), BusinessCalendar.TURKEY));
      }
    }
  }

  private static Optional<DailyDay> stored(Connection connection, int brandCode, LocalDate date)
      throws SQLException {
    List<DailyDay> days = storedBetween(connection, brandCode, date, date);
    return days.stream().findFirst();
  }

  private static List<DailyDay> storedBetween(
      Connection connection, int brandCode, LocalDate from, LocalDate to) throws SQLException {
    List<DailyDay> days = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT report_date, row_count, file_hash, previous_chain_hash, chain_hash, agreed_at"
                + " FROM daily_movement_file WHERE brand_code = ? AND report_date BETWEEN ? AND ?"
                + " ORDER BY report_date")) {
      select.setInt(1, brandCode);
      select.setObject(2, from);
      select.setObject(3, to);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          LocalDateTime agreed = rows.getObject(6, LocalDateTime.class);
          days.add(
              new DailyDay(
                  rows.getObject(1, LocalDate.class),
                  rows.getLong(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  true,
                  agreed == null ? null : agreed.toInstant(ZoneOffset.UTC)));
        }
      }
    }
    return days;
  }

  // The chain hash the day must link to: the stored previous day's, or the genesis for the first.
  private static String previousOf(Connection connection, int brandCode, LocalDate date)
      throws SQLException {
    return stored(connection, brandCode, date.minusDays(1))
        .map(DailyDay::chainHash)
        .orElse(MovementChain.GENESIS);
  }

  private static long count(Connection connection, int brandCode, LocalDate date)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM consent_movement WHERE brand_code = ? AND creation_date >= ?"
                + " AND creation_date < ?")) {
      select.setInt(1, brandCode);
      select.setObject(2, startOf(date));
      select.setObject(3, startOf(date.plusDays(1)));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  // Rebuilds the day's file row by row, hashing it and, when asked, writing it; never held whole.
  private static Digest digest(
      Connection connection, int brandCode, LocalDate date, OutputStream out) throws SQLException {
    MessageDigest sha = MovementChain.digest();
    Consumer<String> sink =
        text -> {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          sha.update(bytes);
          if (out != null) {
            try {
              out.write(bytes);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    sink.accept(DailyMovementCsv.HEADER);
    long rows = 0;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT creation_date, transaction_id, recipient, recipient_type, type, status,"
                + " consent_date, source FROM consent_movement WHERE brand_code = ?"
                + " AND creation_date >= ? AND creation_date < ?"
                + " ORDER BY creation_date, transaction_id")) {
      select.setInt(1, brandCode);
      select.setObject(2, startOf(date));
      select.setObject(3, startOf(date.plusDays(1)));
      select.setFetchSize(1000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          sink.accept(
              DailyMovementCsv.line(
                  wire(row.getObject(1, LocalDateTime.class)),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  wire(row.getObject(7, LocalDateTime.class)),
                  row.getString(8)));
          rows++;
        }
      }
    }
    return new Digest(rows, MovementChain.hex(sha));
  }

  private static String wire(LocalDateTime utc) {
    return utc == null ? null : ConsentDate.format(utc.toInstant(ZoneOffset.UTC));
  }

  private static LocalDateTime startOf(LocalDate date) {
    return LocalDateTime.ofInstant(
        date.atStartOfDay(BusinessCalendar.TURKEY).toInstant(), ZoneOffset.UTC);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static LocalDate parse(String text, String field) {
    if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw new DomainException(Violation.of(ErrorCode.H501, field, text));
    }
    try {
      return LocalDate.parse(text);
    } catch (java.time.DateTimeException e) {
      throw new DomainException(Violation.of(ErrorCode.H501, field, text));
    }
  }

  private record Digest(long rows, String hash) {}
}
