package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ComplaintFixture.complaintJson;
import static org.iys.it.ComplaintFixture.count;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iys.launcher.PayaraMicro;
import org.iys.launcher.PostBootCommands;
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

  @Test
  void everyComplaintIsStoredOnceWhenTheServerIsKilledInTheMiddle() throws Exception {
    Path home = TestStack.scratch("iys-complaint-restart-it-");
    int port = freePort();
    Path postBoot =
        new PostBootCommands()
            .broker("127.0.0.1", TestStack.brokerPort(), TestStack.USER, TestStack.PASSWORD)
            .adapter(TestStack.runtime().resolve("iys-artemis-rar.rar"))
            .database(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD)
            .deploy(TestStack.runtime().resolve("iys-micro-war.war"))
            .writeTo(home.resolve("post-boot-commands.txt"));

    int brand = ComplaintFixture.freshBrand();
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<String> phones = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < COMPLAINTS; i++) {
      phones.add(ComplaintFixture.freshPhone());
      bodies.add(
          complaintJson("restart-" + brand + "-" + i, brand, "MESAJ", phones.get(i), arrived));
    }

    PayaraMicro first = start(postBoot, port, home);
    try {
      // Written once the first server has created the schema. Every other address consented,
      // so both the cleared path and the sanction path run.
      for (int i = 0; i < COMPLAINTS; i += 2) {
        ComplaintFixture.individual(
            brand, phones.get(i), "ONAY", arrived.minus(5, ChronoUnit.DAYS));
      }
      ComplaintFixture.sendToQueue(bodies.subList(0, COMPLAINTS / 2));
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> stored(brand) >= COMPLAINTS / 10);
    } finally {
      first.kill();
    }
    long atKill = stored(brand);
    // The kill must land while the first half is still being judged.
    assertThat(atKill).isLessThan(COMPLAINTS / 2);
    System.out.printf(
        "killed the server with %d complaints stored and %d transactions in doubt%n",
        atKill, inDoubt());

    PayaraMicro second = start(postBoot, port, home);
    try {
      ComplaintFixture.sendToQueue(bodies.subList(COMPLAINTS / 2, COMPLAINTS));
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

  private static PayaraMicro start(Path postBoot, int port, Path home) throws Exception {
    PayaraMicro micro =
        PayaraMicro.start(
            TestStack.runtime().resolve("payara-micro.jar"),
            TestStack.runtime().resolve("mariadb-java-client.jar"),
            postBoot,
            port,
            "768m",
            List.of(
                "-Diys.data.dir=" + home.resolve("data"),
                "-Diys.instance.name=complaint-restart-it",
                "-Diys.admin.password=" + Businesses.ADMIN_PASSWORD),
            Map.of());
    // Generous: on a busy two-core machine a cold start has taken close to three minutes.
    assertThat(micro.awaitHealthy(Duration.ofMinutes(6))).isTrue();
    return micro;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
