package org.iys.application.consent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;

/**
 * Reads consent rows without JPA, for the paths that write every consent they judge themselves: the
 * single add and the nightly files. Select {@link #COLUMNS} first, in this order.
 */
public final class ConsentRows {

  /** The columns {@link #read} expects, first in the select list. */
  public static final String COLUMNS =
      "id, version, status, source, consent_date, creation_date, transaction_id, retailer_code";

  /** A movement, bound by {@link #bindMovement}. */
  public static final String INSERT_MOVEMENT =
      "INSERT INTO consent_movement (transaction_id, iys_code, brand_code, recipient,"
          + " recipient_type, type, status, source, consent_date, creation_date, retailer_code,"
          + " evidence_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The row of a key's first movement, bound by {@link #bindNewConsent}. */
  public static final String INSERT_CONSENT =
      "INSERT INTO consent (version, iys_code, brand_code, recipient, recipient_type, type,"
          + " status, source, consent_date, creation_date, transaction_id, retailer_code)"
          + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * A later movement's state, bound by {@link #bindUpdate}. The version guard makes two writers of
   * one row exclude each other: whichever comes second updates nothing and is retried.
   */
  public static final String UPDATE_CONSENT =
      "UPDATE consent SET version = version + 1, status = ?, source = ?, consent_date = ?,"
          + " creation_date = ?, transaction_id = ?, retailer_code = ?"
          + " WHERE id = ? AND version = ?";

  private ConsentRows() {}

  public static void bindMovement(PreparedStatement insert, ConsentMovement m) throws SQLException {
    insert.setString(1, m.transactionId().value());
    insert.setInt(2, m.iysCode());
    insert.setInt(3, m.brandCode());
    insert.setString(4, m.recipient().address());
    insert.setString(5, m.recipientType().name());
    insert.setString(6, m.type().name());
    insert.setString(7, m.status().name());
    insert.setString(8, m.source() == null ? null : m.source().name());
    insert.setObject(9, utc(m.consentDate()));
    insert.setObject(10, utc(m.creationDate()));
    setInteger(insert, 11, m.retailerCode());
    insert.setString(12, m.evidenceReference());
  }

  public static void bindNewConsent(PreparedStatement insert, ConsentMovement m)
      throws SQLException {
    insert.setInt(1, m.iysCode());
    insert.setInt(2, m.brandCode());
    insert.setString(3, m.recipient().address());
    insert.setString(4, m.recipientType().name());
    insert.setString(5, m.type().name());
    bindState(insert, 6, m);
  }

  public static void bindUpdate(PreparedStatement update, ConsentMovement m, long id, long version)
      throws SQLException {
    bindState(update, 1, m);
    update.setLong(7, id);
    update.setLong(8, version);
  }

  /** The consent of {@code key} from a row positioned on it. */
  public static Consent read(ResultSet row, int iysCode, ConsentKey key) throws SQLException {
    String source = row.getString(4);
    Consent.Stored state =
        new Consent.Stored(
            ConsentStatus.valueOf(row.getString(3)),
            source == null ? null : ConsentSource.valueOf(source),
            instant(row.getObject(5, LocalDateTime.class)),
            instant(row.getObject(6, LocalDateTime.class)),
            row.getString(7),
            row.getObject(8, Integer.class));
    return Consent.stored(row.getLong(1), row.getLong(2), iysCode, key, state);
  }

  private static void bindState(PreparedStatement statement, int from, ConsentMovement m)
      throws SQLException {
    statement.setString(from, m.status().name());
    statement.setString(from + 1, m.source() == null ? null : m.source().name());
    statement.setObject(from + 2, utc(m.consentDate()));
    statement.setObject(from + 3, utc(m.creationDate()));
    statement.setString(from + 4, m.transactionId().value());
    setInteger(statement, from + 5, m.retailerCode());
  }

  private static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
