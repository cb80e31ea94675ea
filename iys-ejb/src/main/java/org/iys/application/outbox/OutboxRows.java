package org.iys.application.outbox;

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

  /** The insert {@link #add} fills; prepare it once for a batch of messages. */
  public static final String INSERT =
      "INSERT INTO outbox_message (channel, recipient, text, created) VALUES (?, ?, ?, ?)";

  /**
   * Adds a message to an address on its own channel (e-mail for an e-mail address, SMS for a phone
   * number) to the batch of {@code insert}, prepared from {@link #INSERT}.
   */
  public static void add(PreparedStatement insert, String address, String text, Instant at)
      throws SQLException {
    OutboxChannel channel = address.indexOf('@') >= 0 ? OutboxChannel.EPOSTA : OutboxChannel.SMS;
    insert.setString(1, channel.name());
    insert.setString(2, address);
    insert.setString(3, text);
    insert.setObject(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    insert.addBatch();
  }
}
