package org.iys.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Push connections and their delivery cursors in {@code push_registration}, with plain JDBC because
 * the delivery claim needs {@code SELECT … FOR UPDATE SKIP LOCKED} and a lease that the persistence
 * provider cannot express. Every time comparison uses the database's UTC clock.
 */
@ApplicationScoped
public class JdbcPushRepository {

  public static final String CONNECTED = "CONNECTED";
  public static final String FAILED = "FAILED";
  public static final String REMOVED = "REMOVED";

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  /**
   * Stores a connection; delivery starts with the movements created from the start of this second.
   * Movements carry whole seconds, so a cursor with this moment's milliseconds would pass over a
   * change made later in the same second; the price is that one made earlier in that second may be
   * delivered too, which at-least-once delivery allows.
   */
  public void insert(Registration registration, String status) {
    String sql =
        "INSERT INTO push_registration (iys_code, brand_code, type, url, username, password,"
            + " status, register_time, delivered_creation_date, delivered_transaction_id,"
            + " next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3),"
            + " CAST(UTC_TIMESTAMP() AS DATETIME(3)), '',"
            + " UTC_TIMESTAMP(3))";
    update(
        sql,
        registration.iysCode(),
        registration.brandCode(),
        registration.type(),
        registration.url(),
        registration.username(),
        registration.password(),
        status);
  }

  public int countConnected(int brandCode, String type) {
    String sql =
        "SELECT COUNT(*) FROM push_registration WHERE brand_code = ? AND type = ? AND status = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      bind(query, brandCode, type, CONNECTED);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Replaces the credentials of a connection already made to the same address; 0 if none. */
  public int refreshCredentials(Registration registration) {
    return update(
        "UPDATE push_registration SET username = ?, password = ? WHERE brand_code = ? AND type = ?"
            + " AND url = ? AND status = ?",
        registration.username(),
        registration.password(),
        registration.brandCode(),
        registration.type(),
        registration.url(),
        CONNECTED);
  }

  /** The brand's connections that were not removed, oldest first. */
  public List<Listed> list(int brandCode) {
    String sql =
        "SELECT url, type, status, register_time FROM push_registration"
            + " WHERE brand_code = ? AND status <> ? ORDER BY register_time, id";
    List<Listed> listed = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      bind(query, brandCode, REMOVED);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          listed.add(
              new Listed(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  instant(rows.getObject(4, LocalDateTime.class))));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return listed;
  }

  /**
   * The live connections with this address, type and username, as (id, sealed password): the
   * password is sealed with a fresh nonce each time, so the match on it happens after opening.
   */
  public List<Sealed> connectedWithUsername(
      int brandCode, String type, String url, String username) {
    String sql =
        "SELECT id, password FROM push_registration WHERE brand_code = ? AND type = ? AND url = ?"
            + " AND username = ? AND status = ?";
    List<Sealed> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      bind(query, brandCode, type, url, username, CONNECTED);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(new Sealed(rows.getLong(1), rows.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return found;
  }

  /** Removes one live connection; answers how many were removed (0 if it went meanwhile). */
  public int remove(long id) {
    return update(
        "UPDATE push_registration SET status = ?, removed_time = UTC_TIMESTAMP(3)"
            + " WHERE id = ? AND status = ?",
        REMOVED,
        id,
        CONNECTED);
  }

  /**
   * Takes one connection whose delivery is due and whose lease is free, and leases it to {@code
   * owner}. Rows another instance is claiming at this moment are skipped, not waited for, and a
   * lease that ran out (its holder died) is taken over.
   */
  public Optional<Claim> claimDue(String owner, int leaseSeconds) {
    String pick =
        "SELECT id, brand_code, type, url, username, password, delivered_creation_date,"
            + " delivered_transaction_id, attempts FROM push_registration"
            + " WHERE status = ? AND next_attempt <= UTC_TIMESTAMP(3)"
            + " AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP(3))"
            + " ORDER BY next_attempt LIMIT 1 FOR UPDATE SKIP LOCKED";
    String lease =
        "UPDATE push_registration SET lease_owner = ?,"
            + " lease_until = UTC_TIMESTAMP(3) + INTERVAL ? SECOND WHERE id = ?";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Claim> claim;
        try (PreparedStatement query = c.prepareStatement(pick)) {
          bind(query, CONNECTED);
          try (ResultSet row = query.executeQuery()) {
            claim =
                row.next()
                    ? Optional.of(
                        new Claim(
                            row.getLong(1),
                            row.getInt(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getObject(7, LocalDateTime.class),
                            row.getString(8),
                            row.getInt(9)))
                    : Optional.empty();
          }
        }
        if (claim.isPresent()) {
          try (PreparedStatement take = c.prepareStatement(lease)) {
            bind(take, owner, leaseSeconds, claim.get().id());
            take.executeUpdate();
          }
        }
        c.commit();
        return claim;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * The IYS-sourced movements of the claimed connection's brand and type after its cursor, oldest
   * first. Movements younger than {@code settleSeconds} wait for the next round, so that a
   * transaction that stamped its creation date earlier but commits later is not skipped.
   */
  public List<Movement> movementsAfter(Claim claim, int limit, int settleSeconds) {
    String sql =
        "SELECT iys_code, brand_code, consent_date, creation_date, source, recipient,"
            + " recipient_type, status, type, transaction_id FROM consent_movement"
            + " WHERE brand_code = ? AND type = ? AND source LIKE 'IYS\\_%'"
            + " AND (creation_date > ? OR (creation_date = ? AND transaction_id > ?))"
            + " AND creation_date <= UTC_TIMESTAMP(3) - INTERVAL ? SECOND"
            + " ORDER BY creation_date, transaction_id LIMIT ?";
    List<Movement> movements = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      bind(
          query,
          claim.brandCode(),
          claim.type(),
          claim.cursorDate(),
          claim.cursorDate(),
          claim.cursorTransactionId(),
          settleSeconds,
          limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          movements.add(
              new Movement(
                  rows.getInt(1),
                  rows.getInt(2),
                  rows.getObject(3, LocalDateTime.class),
                  rows.getObject(4, LocalDateTime.class),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  rows.getString(10)));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return movements;
  }

  /**
   * Moves the cursor past a delivered batch and frees the lease; false when the lease was lost
   * meanwhile (the cursor then stays for the new holder).
   */
  public boolean delivered(Claim claim, String owner, Movement last) {
    return update(
            "UPDATE push_registration SET delivered_creation_date = ?,"
                + " delivered_transaction_id = ?, attempts = 0, next_attempt = UTC_TIMESTAMP(3),"
                + " last_error = NULL, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?",
            last.creationDate(),
            last.transactionId(),
            claim.id(),
            owner)
        == 1;
  }

  /** Records a failed attempt and when to try again; the cursor does not move. */
  public void failed(Claim claim, String owner, int delaySeconds, String error) {
    update(
        "UPDATE push_registration SET attempts = attempts + 1,"
            + " next_attempt = UTC_TIMESTAMP(3) + INTERVAL ? SECOND, last_error = ?,"
            + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
        delaySeconds,
        error.length() > 200 ? error.substring(0, 200) : error,
        claim.id(),
        owner);
  }

  /** Frees the lease when there was nothing to deliver, and looks again after the delay. */
  public void idle(Claim claim, String owner, int delaySeconds) {
    update(
        "UPDATE push_registration SET next_attempt = UTC_TIMESTAMP(3) + INTERVAL ? SECOND,"
            + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
        delaySeconds,
        claim.id(),
        owner);
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, values);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static IllegalStateException failure(SQLException e) {
    return new IllegalStateException("push registration storage failed", e);
  }

  /** A connection as the business names it, its password already sealed. */
  public record Registration(
      int iysCode, int brandCode, String type, String url, String username, String password) {}

  /** A stored connection's id and sealed password. */
  public record Sealed(long id, String password) {}

  /** A connection as the listing shows it: never with its credentials. */
  public record Listed(String url, String type, String status, Instant registerTime) {}

  /**
   * A connection leased for delivery, with its cursor (UTC wall-clock times) and its password still
   * sealed.
   */
  public record Claim(
      long id,
      int brandCode,
      String type,
      String url,
      String username,
      String password,
      LocalDateTime cursorDate,
      String cursorTransactionId,
      int attempts) {}

  /** One movement to deliver, its times as UTC wall-clock. */
  public record Movement(
      int iysCode,
      int brandCode,
      LocalDateTime consentDate,
      LocalDateTime creationDate,
      String source,
      String recipient,
      String recipientType,
      String status,
      String type,
      String transactionId) {}
}
