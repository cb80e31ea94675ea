package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One thin slice through every technology, on Payara Micro with MariaDB and Artemis. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SkeletonIT {

  @ArquillianResource private URL deployment;

  private Http http;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  @BeforeEach
  void client() {
    http = new Http(deployment);
  }

  @Test
  void healthIsUpWithDatabaseAndBroker() {
    var health = http.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
  }

  @Test
  void openApiDocumentIsServed() {
    assertThat(http.get("/openapi").body()).contains("/api/businesses/applications");
  }

  @Test
  void anApplicationIsStoredAndReadBack() {
    var created =
        http.postJson(
            "/api/businesses/applications",
            "{\"title\":\"Çiçek Ticaret A.Ş.\",\"taxNumber\":\"1234567890\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();

    var read = http.get("/api/businesses/applications/" + id);

    assertThat(read.json().getString("title")).isEqualTo("Çiçek Ticaret A.Ş.");
    assertThat(read.json().getString("status")).isEqualTo("PENDING");
  }

  @Test
  void aComplaintTravelsOverTheQueueIntoTheDatabase() {
    var filed =
        http.postJson(
            "/api/complaints",
            "{\"brand\":\"600001\",\"channel\":\"MESAJ\",\"recipient\":\"+905321234567\","
                + "\"receivedAt\":\"2026-11-30T09:00:00Z\"}");
    assertThat(filed.status()).isEqualTo(202);
    String number = filed.json().getString("complaintNumber");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/api/complaints/" + number).status() == 200);
    assertThat(http.get("/api/complaints/" + number).json().getString("status"))
        .isEqualTo("JUDGED");
  }

  @Test
  void aBatchJobImportsACsvFileAndReportsItsStatus() {
    var started =
        http.post(
            "/api/imports",
            "text/csv",
            "recipient;type;status\n+905321234567;MESAJ;ONAY\n\n+905321234568;ARAMA;RET\n");
    assertThat(started.status()).isEqualTo(202);
    long execution = started.json().getJsonNumber("executionId").longValue();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                http.get("/api/imports/" + execution)
                    .json()
                    .getString("status")
                    .equals("COMPLETED"));
    assertThat(http.get("/api/imports/" + execution).json().getInt("linesStored")).isEqualTo(2);
  }
}
