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
    Slices.healthIsUpWithDatabaseAndBroker(http);
  }

  @Test
  void openApiDocumentIsServed() {
    assertThat(http.get("/openapi").body()).contains("/api/businesses/applications");
  }

  @Test
  void anApplicationIsStoredAndReadBack() {
    Slices.anApplicationIsStoredAndReadBack(http);
  }

  @Test
  void aComplaintTravelsOverTheQueueIntoTheDatabase() {
    Slices.aComplaintTravelsOverTheQueueIntoTheDatabase(http);
  }

  @Test
  void aBulkConsentFileIsImportedWithTheApiRulesAndReportedInItsOwnCharacters() {
    String date =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Istanbul"))
            .minusHours(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    String csv =
        "RECİPİENT;Type;Status;Source;ConsentDate;RecipientType\r\n"
            + "0532 111 22 33;MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + "\r\n"
            + "+905321112234;ARAMA;RET;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + "5,32E+09;MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + "şükrü@örnek.com;EPOSTA;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + "+905321112233;MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n";
    byte[] windows1254 = csv.getBytes(java.nio.charset.Charset.forName("windows-1254"));
    var business = Businesses.approved(http);
    String files =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files";
    var http = this.http.withBearer(business.accessToken());

    var received = http.postBytes(files + "?start=true", "text/csv", windows1254);
    assertThat(received.status()).isEqualTo(201);
    long id = received.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> http.get(files + "/" + id).json().getString("status").equals("COMPLETED"));

    var done = http.get(files + "/" + id).json();
    assertThat(done.getInt("rowsRead")).isEqualTo(5);
    assertThat(done.getInt("rowsWritten")).isEqualTo(1);
    assertThat(done.getInt("rowsRefused")).isEqualTo(4);
    assertThat(done.getInt("rowsWarned")).isEqualTo(1);
    String report = http.get(files + "/" + id + "/report").body();
    assertThat(report)
        .startsWith("line,key,outcome,code,message")
        .contains("2,BIREYSEL;MESAJ;+905321112233,WRITTEN,IYS021")
        .contains("4,BIREYSEL;ARAMA;+905321112234,REFUSED,H175")
        .contains("5,\"BIREYSEL;MESAJ;5,32E+09\",REFUSED,IYS020")
        .contains("6,BIREYSEL;EPOSTA;şükrü@örnek.com,REFUSED,H120")
        .contains("7,BIREYSEL;MESAJ;+905321112233,REFUSED,H194")
        .contains("line 2")
        .contains(",rows written,1,");

    var again = http.postBytes(files, "text/csv", windows1254);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("IYS010", "consent file " + id);
  }

  @Test
  void theNightlyRunImportsAFileDroppedInTheInboxOnce() throws Exception {
    String date =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Istanbul"))
            .minusHours(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    var business = Businesses.approved(http);
    var folder =
        TestStack.runtime()
            .resolve("data/inbox/" + business.iysCode() + "/" + business.brandCode());
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.writeString(
        folder.resolve("gece.jsonl"),
        "{\"recipient\":\"+905329998877\",\"type\":\"MESAJ\",\"status\":\"ONAY\","
            + "\"source\":\"HS_MESAJ\",\"consentDate\":\""
            + date
            + "\"}\n");

    var staff = Businesses.staff(http);
    var run = staff.post("/api/staff/consent-files/nightly-run", "application/json", "");

    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().getInt("started")).isGreaterThanOrEqualTo(1);
    assertThat(
            staff
                .post("/api/staff/consent-files/nightly-run", "application/json", "")
                .json()
                .getInt("started"))
        .isZero();
  }

  @Test
  void aBatchJobImportsACsvFileAndReportsItsStatus() {
    Slices.aBatchJobImportsACsvFileAndReportsItsStatus(http);
  }

  @Test
  void staffRunTheRegistryInTheBrowser() throws Exception {
    StaffScreens.staffRunTheRegistry(http, "micro");
  }

  @Test
  void staffTakeTheRarerDecisionsInTheBrowser() throws Exception {
    StaffScreens.staffTakeTheRarerDecisions(http, "micro-decisions");
  }

  @Test
  void aStaffLoginNeedsTheTokenOfItsOwnLoginPage() throws Exception {
    StaffLogin.aLoginNeedsTheTokenOfItsOwnPage(http);
  }

  @Test
  void repeatedFailedStaffLoginsAreSlowedDown() throws Exception {
    StaffLogin.repeatedFailuresSlowTheAccountDown(http);
  }
}
