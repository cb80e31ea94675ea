package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ComplaintFixture.complaintJson;
import static org.iys.it.ComplaintFixture.count;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.iys.launcher.PayaraMicro;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash of the server: complaints stream onto the queue while the server
 * judging them is killed with {@code kill -9}; a new server on the same database and broker
 * finishes the stream. Every complaint is stored once, with one notification, and every upheld one
 * has one sanction. Transactions caught between their two phases by the kill are settled by the new
 * server's recovery from the transaction log the first one left in the shared root directory.
 */
class ComplaintRestartIT {

  private static final int COMPLAINTS = 6000;

  // Most of the stream goes before the kill, so that the kill lands while it is being judged
  // even when judging is fast.
  private static final int BEFORE_KILL = COMPLAINTS * 5 / 6;

  @Test
  void everyComplaintIsStoredOnceWhenTheServerIsKilledInTheMiddle() throws Exception {
    OwnServer server = OwnServer.prepared("complaint-restart-it", "768m");

    int brand = ComplaintFixture.freshBrand();
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<String> phones = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < COMPLAINTS; i++) {
      phones.add(ComplaintFixture.freshPhone());
      bodies.add(
          complaintJson("restart-" + brand + "-" + i, brand, "MESAJ", phones.get(i), arrived));
    }

    PayaraMicro first = server.start();
    try {
      // Written once the first server has created the schema. Every other address consented,
      // so both the cleared path and the sanction path run.
      for (int i = 0; i < COMPLAINTS; i += 2) {
        ComplaintFixture.individual(
            brand, phones.get(i), "ONAY", arrived.minus(5, ChronoUnit.DAYS));
      }
      ComplaintFixture.sendToQueue(bodies.subList(0, BEFORE_KILL));
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> stored(brand) >= COMPLAINTS / 60);
    } finally {
      first.kill();
    }
    long atKill = stored(brand);
    // The kill must land while the stream is still being judged.
    assertThat(atKill).isLessThan(BEFORE_KILL);
    System.out.printf(
        "killed the server with %d complaints stored and %d transactions in doubt%n",
        atKill, inDoubt());

    PayaraMicro second = server.start();
    try {
      ComplaintFixture.sendToQueue(bodies.subList(BEFORE_KILL, COMPLAINTS));
      // An external system that did not trust the crash sends some of the first half again.
      ComplaintFixture.sendToQueue(bodies.subList(0, 200));

      await()
          .atMost(Duration.ofMinutes(8))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> stored(brand) >= COMPLAINTS);
      Thread.sleep(3000);
      assertThat(stored(brand)).isEqualTo(COMPLAINTS);
      assertThat(
              count(
                  "SELECT COUNT(DISTINCT idempotency_key) FROM complaint WHERE brand_code = ?",
                  brand))
          .isEqualTo(COMPLAINTS);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM outbox_message o JOIN complaint c"
                      + " ON o.recipient = c.recipient WHERE c.brand_code = ?",
                  brand))
          .isEqualTo(COMPLAINTS);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM complaint WHERE brand_code = ? AND verdict = 'VIOLATION'",
                  brand))
          .isEqualTo(COMPLAINTS / 2);
      assertThat(count("SELECT COUNT(*) FROM sanction_proposal WHERE brand_code = ?", brand))
          .isEqualTo(COMPLAINTS / 2);
    } finally {
      second.close();
    }
  }

  /** Transactions the database holds prepared, waiting for a coordinator to decide them. */
  private static int inDoubt() throws SQLException {
    try (Connection db =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var statement = db.createStatement();
        var rows = statement.executeQuery("XA RECOVER")) {
      int prepared = 0;
      while (rows.next()) {
        prepared++;
      }
      return prepared;
    }
  }

  private static long stored(int brand) {
    return count("SELECT COUNT(*) FROM complaint WHERE brand_code = ?", brand);
  }
}
