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
import java.util.HashMap;
import java.util.Map;
import org.iys.application.consent.ConsentSignals;
import org.iys.application.outbox.OutboxRows;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentType;

/**
 * Tells an address that a business recorded a new ONAY for it, with a {@link RejectLinks reject
 * link}. Runs in the transaction that recorded the ONAY, on its connection, so the notice exists
 * exactly when the movement does; plain JDBC in batches, because every new consent passes here, a
 * nightly file's by the thousand.
 */
@ApplicationScoped
public class ApprovalNotices {

  private static final String INSERT_LINK =
      "INSERT INTO reject_link (id, iys_code, brand_code, recipient, recipient_type, type,"
          + " transaction_id, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject private Clock clock;

  @Inject private SigningKeys keys;

  void approvalsRecorded(@Observes ConsentSignals.ApprovalsRecorded event) {
    Instant now = clock.instant();
    Connection connection = event.connection();
    try (PreparedStatement links = connection.prepareStatement(INSERT_LINK);
        PreparedStatement notices = connection.prepareStatement(OutboxRows.INSERT)) {
      Map<Integer, String> brandNames = new HashMap<>();
      for (ConsentMovement movement : event.movements()) {
        String id = Digests.token(16);
        addLink(links, id, movement, now);

        String brandName =
            brandNames.computeIfAbsent(movement.brandCode(), code -> brandName(connection, code));
        OutboxRows.add(notices, movement.recipient().address(), text(brandName, movement, id), now);
      }
      links.executeBatch();
      notices.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("storing approval notices failed", e);
    }
  }

  private String text(String brandName, ConsentMovement movement, String id) {
    return brandName
        + " registered your consent to receive "
        + describe(movement.type())
        + ". If you did not give it, reject it within 90 days here: "
        + RejectLinks.publicUrl()
        + "/api/citizen/reject/"
        + id
        + "."
        + RejectLinks.signature(keys, id);
  }

  private static void addLink(
      PreparedStatement insert, String id, ConsentMovement movement, Instant now)
      throws SQLException {
    insert.setString(1, id);
    insert.setInt(2, movement.iysCode());
    insert.setInt(3, movement.brandCode());
    insert.setString(4, movement.recipient().address());
    insert.setString(5, movement.recipientType().name());
    insert.setString(6, movement.type().name());
    insert.setString(7, movement.transactionId().value());
    insert.setObject(8, Utc.column(now));
    insert.setObject(9, Utc.column(now.plus(RejectLinks.VALIDITY)));
    insert.addBatch();
  }

  private static String brandName(Connection connection, int brandCode) {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT name FROM brand WHERE brand_code = ?")) {
      select.setInt(1, brandCode);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : "Brand " + brandCode;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading a brand's name failed", e);
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
