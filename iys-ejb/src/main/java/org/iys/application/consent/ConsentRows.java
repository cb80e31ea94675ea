package org.iys.application.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentKey;
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

  private ConsentRows() {}

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

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
