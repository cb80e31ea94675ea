package org.iys.application.citizen;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.iys.application.consent.ConsentSignals;
import org.iys.application.outbox.OutboxRows;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentType;

/**
 * Tells an address that a business recorded a new ONAY for it, with a {@link RejectLinks reject
 * link}. Runs in the transaction that recorded the ONAY, on its connection, so the notice exists
 * exactly when the movement does; plain JDBC, because every new consent passes here.
 */
@ApplicationScoped
public class ApprovalNotices {

  @Inject private Clock clock;

  @Inject private SigningKeys keys;

  void approvalRecorded(@Observes ConsentSignals.ApprovalRecorded event) {
    ConsentMovement movement = event.movement();
    Instant now = clock.instant();
    String id = Digests.token(16);
    try {
      Connection connection = event.connection();
      storeLink(connection, id, movement, now);

      String text =
          brandName(connection, movement.brandCode())
              + " registered your consent to receive "
              + describe(movement.type())
              + ". If you did not give it, reject it within 90 days here: "
              + RejectLinks.publicUrl()
              + "/api/citizen/reject/"
              + id
              + "."
              + RejectLinks.signature(keys, id);
      OutboxRows.toAddress(connection, movement.recipient().address(), text, now);
    } catch (SQLException e) {
      throw new IllegalStateException("storing an approval notice failed", e);
    }
  }

  private static void storeLink(
      Connection connection, String id, ConsentMovement movement, Instant now) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO reject_link (id, iys_code, brand_code, recipient, recipient_type, type,"
                + " transaction_id, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setInt(2, movement.iysCode());
      insert.setInt(3, movement.brandCode());
      insert.setString(4, movement.recipient().address());
      insert.setString(5, movement.recipientType().name());
      insert.setString(6, movement.type().name());
      insert.setString(7, movement.transactionId().value());
      insert.setObject(8, Utc.column(now));
      insert.setObject(9, Utc.column(now.plus(RejectLinks.VALIDITY)));
      insert.executeUpdate();
    }
  }

  private static String brandName(Connection connection, int brandCode) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT name FROM brand WHERE brand_code = ?")) {
      select.setInt(1, brandCode);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : "Brand " + brandCode;
      }
    }
  }

  private static String describe(ConsentType type) {
    return switch (type) {
      case MESAJ -> "text messages";
      case ARAMA -> "calls";
      case EPOSTA -> "e-mails";
    };
  }
}
