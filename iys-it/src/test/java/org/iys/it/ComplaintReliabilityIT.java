package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ComplaintFixture.complaintJson;
import static org.iys.it.ComplaintFixture.count;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once across a broker restart: complaints pushed at the queue while the broker goes down
 * and comes back are all stored, none twice, each with one notification; and a complaint filed
 * while the broker is down is answered 503 in bounded time. In its own class, because stopping the
 * broker breaks every open broker connection of the server under test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComplaintReliabilityIT {

  private static final int HALF = 300;

  @ArquillianResource private URL deployment;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  @Test
  void everyComplaintIsStoredOnceWhenTheBrokerRestartsInTheMiddle() throws Exception {
    int brand = ComplaintFixture.freshBrand();
    ComplaintFixture.individual(
        brand, ComplaintFixture.freshPhone(), "ONAY", Instant.now().minus(3, ChronoUnit.DAYS));
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<String> first = complaints(brand, arrived, 0);
    List<String> second = complaints(brand, arrived, HALF);

    ComplaintFixture.sendToQueue(first);
    TestStack.restartBroker();
    ComplaintFixture.sendToQueue(second);
    // A resend of part of the first half by an impatient external system.
    ComplaintFixture.sendToQueue(first.subList(0, 50));

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> stored(brand) >= 2 * HALF);
    Thread.sleep(3000);
    assertThat(stored(brand)).isEqualTo(2 * HALF);
    assertThat(
            count(
                "SELECT COUNT(DISTINCT idempotency_key) FROM complaint WHERE brand_code = ?",
                brand))
        .isEqualTo(2 * HALF);
    assertThat(
            count(
                "SELECT COUNT(*) FROM outbox_message o JOIN complaint c"
                    + " ON o.recipient = c.recipient WHERE c.brand_code = ?",
                brand))
        .isEqualTo(2 * HALF);
  }

  @Test
  void aComplaintTheBrokerCannotTakeIsAnswered503WithinTheBoundAndCanBeSentAgain()
      throws Exception {
    int brand = ComplaintFixture.freshBrand();
    ComplaintFixture.catalogue(brand);
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String body = complaintJson(null, brand, "MESAJ", ComplaintFixture.freshPhone(), arrived);
    var http = new Http(deployment);

    TestStack.stopBroker();
    Http.Reply refused;
    long took;
    try {
      long start = System.nanoTime();
      refused = http.postJson("/api/complaints", body);
      took = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    } finally {
      TestStack.startBroker();
    }

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.body()).contains("IYS015");
    assertThat(took).isLessThan(25);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> http.postJson("/api/complaints", body).status() == 202);
    await().atMost(Duration.ofMinutes(2)).until(() -> stored(brand) == 1);
  }

  private static long stored(int brand) {
    return count("SELECT COUNT(*) FROM complaint WHERE brand_code = ?", brand);
  }

  private static List<String> complaints(int brand, Instant arrived, int from) {
    List<String> bodies = new ArrayList<>();
    for (int i = from; i < from + HALF; i++) {
      bodies.add(
          complaintJson(
              "reliability-" + brand + "-" + i,
              brand,
              "MESAJ",
              ComplaintFixture.freshPhone(),
              arrived));
    }
    return bodies;
  }
}
