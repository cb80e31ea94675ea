package org.iys.application.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants in and out of native queries, as UTC wall-clock DATETIME columns. */
final class Utc {

  private Utc() {}

  static LocalDateTime column(Instant instant) {
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
}
