package org.iys.it;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What the complaint tests set up and inspect directly: consent movements written with JDBC (as the
 * consent API would have recorded them), complaint messages put on the broker as an external system
 * would, and counts read from the database.
 */
final class ComplaintFixture {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ComplaintFixture() {}

  /** A brand code no other test uses. */
  static int freshBrand() {
    return 1_000_000 + RANDOM.nextInt(8_000_000);
  }

  /** A valid Turkish mobile number no other test uses. */
  // Counted, not drawn: tests join notifications to complaints by address, so two complaints
  // must never share one by chance.
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_PHONE =
      new java.util.concurrent.atomic.AtomicInteger(1_000_000 + RANDOM.nextInt(4_000_000));

  static String freshPhone() {
    return "+90532" + NEXT_PHONE.getAndIncrement();
  }

  static String transactionId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Records a movement and returns its transaction id. */
  static String movement(
      int brand,
      String recipient,
      String recipientType,
      String type,
      String status,
      String source,
      Instant consentDate,
      Instant created) {
    catalogue(brand);
    String id = transactionId();
    update(
        "INSERT INTO consent_movement (transaction_id, iys_code, brand_code, recipient,"
            + " recipient_type, type, status, source, consent_date, creation_date)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        brand,
        brand,
        recipient,
        recipientType,
        type,
        status,
        source,
        consentDate == null ? null : utc(consentDate),
        utc(created));
    return id;
  }

  /**
   * Puts the brand in the catalogue, as approving its business would; a brand no movement names
   * stays unknown to the registry.
   */
  static void catalogue(int brand) {
    update(
        "INSERT IGNORE INTO brand (brand_code, iys_code, name, master, created_at)"
            + " VALUES (?, ?, ?, TRUE, ?)",
        brand,
        brand,
        "Complaint test brand " + brand,
        utc(Instant.now()));
  }

  static String individual(int brand, String phone, String status, Instant at) {
    return movement(brand, phone, "BIREYSEL", "MESAJ", status, "HS_WEB", at, at);
  }

  static long count(String sql, Object... parameters) {
    try (Connection db = database();
        var statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void update(String sql, Object... parameters) {
    try (Connection db = database();
        var statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends text messages to the complaints queue, persistent, each sent synchronously. */
  static void sendToQueue(List<String> bodies) {
    try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + TestStack.brokerPort());
        jakarta.jms.Connection connection =
            factory.createConnection(TestStack.USER, TestStack.PASSWORD);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue("iys.complaints"))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      // Committed in thousands, so a long stream reaches the queue faster than it is judged and
      // a test can stop the server in the middle of it.
      for (int i = 0; i < bodies.size(); i++) {
        producer.send(session.createTextMessage(bodies.get(i)));
        if (i % 1000 == 999) {
          session.commit();
        }
      }
      session.commit();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  static String complaintJson(
      String key, int brand, String channel, String recipient, Instant receivedAt) {
    return "{"
        + (key == null ? "" : "\"idempotencyKey\":\"" + key + "\",")
        + "\"brand\":\""
        + brand
        + "\",\"channel\":\""
        + channel
        + "\",\"recipient\":\""
        + recipient
        + "\",\"receivedAt\":\""
        + receivedAt
        + "\"}";
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void bind(java.sql.PreparedStatement statement, Object... parameters)
      throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }
}
