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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;

/**
 * Reads the current state of consents straight from the {@code consent} table with plain JDBC.
 *
 * <p>The check before sending is the registry's hottest path: carriers filter whole campaigns
 * through it. It needs three columns of one row found by the unique key, so it skips the
 * persistence context, entity building and transaction enlistment entirely. Every query here is
 * served by {@code uk_consent_key (brand_code, recipient, recipient_type, type)}.
 */
@ApplicationScoped
public class JdbcConsentStateRepository {

  /** Keys per statement in a bulk lookup: large enough to amortise the round trip. */
  public static final int BATCH = 1000;

  private static final String ONE =
      "SELECT status, consent_date, creation_date FROM consent"
          + " WHERE brand_code = ? AND recipient = ? AND recipient_type = ? AND type = ?";

  private static final String MANY = many(BATCH);

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  /** The state of one key; empty when no movement was ever recorded for it. */
  public Optional<State> find(
      int brandCode, String recipient, RecipientType recipientType, ConsentType type) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(ONE)) {
      query.setInt(1, brandCode);
      query.setString(2, recipient);
      query.setString(3, recipientType.name());
      query.setString(4, type.name());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(state(row, 1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("consent state lookup failed", e);
    }
  }

  /**
   * The states of many keys of one brand, recipient type and consent type, by recipient; keys with
   * no record are absent from the map. Looks up {@value #BATCH} recipients per statement; a short
   * last batch repeats its last key so that every statement has the same text and the driver and
   * server reuse one plan.
   */
  public Map<String, State> findAll(
      int brandCode, List<String> recipients, RecipientType recipientType, ConsentType type) {
    Map<String, State> states = new HashMap<>(recipients.size() * 2);
    if (recipients.isEmpty()) {
      return states;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(MANY)) {
      for (int from = 0; from < recipients.size(); from += BATCH) {
        int to = Math.min(from + BATCH, recipients.size());
        query.setInt(1, brandCode);
        query.setString(2, recipientType.name());
        query.setString(3, type.name());
        for (int i = 0; i < BATCH; i++) {
          query.setString(4 + i, recipients.get(Math.min(from + i, to - 1)));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            states.put(rows.getString(1), state(rows, 2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("bulk consent state lookup failed", e);
    }
    return states;
  }

  private static State state(ResultSet row, int first) throws SQLException {
    return new State(
        ConsentStatus.valueOf(row.getString(first)),
        instant(row.getObject(first + 1, LocalDateTime.class)),
        instant(row.getObject(first + 2, LocalDateTime.class)));
  }

  // The columns hold UTC wall-clock times; reading them through LocalDateTime keeps the JVM's
  // default zone out of the conversion.
  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static String many(int keys) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT recipient, status, consent_date, creation_date FROM consent"
                + " WHERE brand_code = ? AND recipient_type = ? AND type = ? AND recipient IN (?");
    sql.append(",?".repeat(keys - 1)).append(')');
    return sql.toString();
  }

  /** A consent's current status and the dates its stop-sending window is counted from. */
  public record State(ConsentStatus status, Instant consentDate, Instant creationDate) {}
}
