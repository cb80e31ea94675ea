package org.iys.application.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.iys.domain.outbox.OutboxChannel;

/**
 * Adds outbox messages on a connection the caller already holds, for hot paths that write without
 * JPA; {@link Outbox#dispatch} sends them like any other.
 */
public final class OutboxRows {

  private OutboxRows() {}

  /** To an address on its own channel: e-mail for an e-mail address, SMS for a phone number. */
  public static void toAddress(Connection connection, String address, String text, Instant at)
      throws SQLException {
    OutboxChannel channel = address.indexOf('@') >= 0 ? OutboxChannel.EPOSTA : OutboxChannel.SMS;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO outbox_message (channel, recipient, text, created) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, channel.name());
      insert.setString(2, address);
      insert.setString(3, text);
      insert.setObject(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }
}
