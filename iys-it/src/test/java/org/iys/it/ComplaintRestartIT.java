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
import javax.transaction.xa.Xid;
import org.iys.launcher.PayaraMicro;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash of the server: complaints stream onto the queue while the server
 * judging them is killed with {@code kill -9}; a new server on the same database and broker
 * finishes the stream. Every complaint is stored once, with one notification, and every upheld one
 * has one sanction. The kill is timed to catch a batch whose broker branch is prepared; the next
 * start rolls such branches back (see {@code InDoubtBranches}), so none is left withholding its
 * messages, in the broker or in the database.
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
      awaitPreparedInBroker(Duration.ofSeconds(30));
    } finally {
      first.kill();
    }
    long atKill = stored(brand);
    // The kill must land while the stream is still being judged.
    assertThat(atKill).isLessThan(BEFORE_KILL);
    List<Xid> leftPrepared = preparedInBroker();
    System.out.printf(
        "killed the server with %d complaints stored and %d broker and %d database transaction"
            + " branches prepared%n",
        atKill, leftPrepared.size(), preparedInDatabase());

    PayaraMicro second = server.start();
    try {
      // Settled before the new server took part in any transaction, not by its later traffic.
      assertThat(preparedInBroker()).doesNotContainAnyElementsOf(leftPrepared);
      ComplaintFixture.sendToQueue(bodies.subList(BEFORE_KILL, COMPLAINTS));
      // An external system that did not trust the crash sends some of the first half again.
      ComplaintFixture.sendToQueue(bodies.subList(0, 200));

      await()
          .atMost(Duration.ofMinutes(8))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> stored(brand) >= COMPLAINTS);
      Thread.sleep(3000);
      // Nothing is left withheld by a branch that no transaction manager will ever decide; a
      // branch of a batch still being committed clears within moments, a forgotten one never.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> preparedInBroker().isEmpty() && preparedInDatabase() == 0);
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

  /**
   * Waits, at most {@code patience}, for a moment at which the broker holds a branch the server has
   * prepared and not yet committed, so that the kill leaves one in doubt. Such moments come with
   * every batch, but last only while the database commits and the transaction log is written.
   */
  private static void awaitPreparedInBroker(Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (preparedInBroker().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(1);
    }
  }

  private static List<Xid> preparedInBroker() {
    return List.copyOf(TestStack.broker().server().getResourceManager().getPreparedTransactions());
  }

  /** Branches the database holds prepared, waiting for a coordinator to decide them. */
  private static int preparedInDatabase() throws SQLException {
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
