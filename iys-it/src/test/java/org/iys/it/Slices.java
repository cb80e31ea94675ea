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
    long id = Businesses.applied(http);

    var read = http.get("/api/businesses/applications/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("title")).isEqualTo("Örnek Ticaret A.Ş.");
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
        .isEqualTo("JUDGED");
  }

  static void aBatchJobImportsACsvFileAndReportsItsStatus(Http http) {
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String files =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files";
    String date =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Istanbul"))
            .minusHours(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    String csv =
        "recipient;type;status;source;consentDate\n"
            + "+905321234567;MESAJ;ONAY;HS_WEB;"
            + date
            + "\n\n+905321234568;ARAMA;ONAY;HS_WEB;"
            + date
            + "\n";

    var started = api.post(files + "?start=true", "text/csv", csv);

    assertThat(started.status()).isEqualTo(201);
    long id = started.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get(files + "/" + id).json().getString("status").equals("COMPLETED"));
    assertThat(api.get(files + "/" + id).json().getInt("rowsWritten")).isEqualTo(2);
  }
}
