package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The thin slices through every technology, asserted over HTTP the way a client sees them, so the
 * Micro WAR and the EAR on Payara Server are held to the same behaviour.
 */
final class Slices {

  private Slices() {}

  static void healthIsUpWithDatabaseAndBroker(Http http) {
    var health = http.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
  }

  static void anApplicationIsStoredAndReadBack(Http http) {
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

  static void aComplaintTravelsOverTheQueueIntoTheDatabase(Http http) {
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
        .isEqualTo("RECEIVED");
  }

  static void aBatchJobImportsACsvFileAndReportsItsStatus(Http http) {
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
