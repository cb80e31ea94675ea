package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reconciliation as a business meets it: the daily movement files with their hash chain and
 * agreement, and the comparison of its own list with the registry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReconciliationIT {

  private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private static final String GENESIS = "0".repeat(96);

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

  @AfterEach
  void realTime() {
    http.delete("/api/test/clock");
  }

  @Test
  void dailyFilesChainTheirHashesAndTheBusinessAgreesWithADay() throws Exception {
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String brand = "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode();
    LocalDate today = LocalDate.now(TURKEY);
    LocalDate first = today.minusDays(3);
    LocalDate second = today.minusDays(2);

    record(api, brand, first.atTime(10, 0), "+905321110001", "ONAY");
    record(api, brand, first.atTime(11, 0), "+905321110002", "ONAY");
    record(api, brand, second.atTime(9, 30), "+905321110001", "RET");
    // Yesterday is frozen only some minutes after midnight; noon keeps the run off that edge.
    setClock(today.atTime(12, 0));

    var file = api.get(brand + "/changes/" + first + "/file");
    assertThat(file.status()).isEqualTo(200);
    String[] lines = file.body().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "creationDate,transactionId,recipient,recipientType,type,status,consentDate,source");
    assertThat(lines).hasSize(3);
    assertThat(lines[1])
        .startsWith(first + " 10:00:00,")
        .contains(",+905321110001,BIREYSEL,MESAJ,ONAY,");
    assertThat(lines[2]).startsWith(first + " 11:00:00,");

    JsonObject day1 = api.get(brand + "/agreements/" + first).json();
    assertThat(day1.getString("processStatus")).isEqualTo("completed");
    assertThat(day1.getString("hashMethod")).isEqualTo("SHA-384");
    assertThat(day1.getString("hashValue")).isEqualTo(sha384(file.body()));
    assertThat(day1.getBoolean("agreementStatus")).isFalse();
    assertThat(day1.getString("previousChainHash")).isEqualTo(GENESIS);
    assertThat(day1.getString("chainHash"))
        .isEqualTo(link(GENESIS, first, day1.getString("hashValue")));

    String secondFile = api.get(brand + "/changes/" + second + "/file").body();
    JsonObject day2 = api.get(brand + "/agreements/" + second).json();
    assertThat(day2.getString("hashValue")).isEqualTo(sha384(secondFile));
    assertThat(day2.getString("chainHash"))
        .isEqualTo(link(day1.getString("chainHash"), second, sha384(secondFile)));

    // A day without movements is a link of the chain, but has no file to download.
    assertThat(api.get(brand + "/changes/" + today.minusDays(1) + "/file").status()).isEqualTo(204);

    var agreed = api.putJson(brand + "/agreements/" + first, "{\"agreementStatus\": true}");
    assertThat(agreed.status()).isEqualTo(200);
    assertThat(agreed.json().getBoolean("agreementCaptured")).isTrue();
    assertThat(api.get(brand + "/agreements/" + first).json().getBoolean("agreementStatus"))
        .isTrue();
    var stamp = api.get(brand + "/agreements/" + first + "/timestamp");
    assertThat(stamp.status()).isEqualTo(200);
    assertThat(stamp.body()).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    assertThat(api.putJson(brand + "/agreements/" + first, "{\"agreementStatus\": false}").status())
        .isEqualTo(422);

    JsonObject summary = api.get(brand + "/changes/" + first + "/recipients/BIREYSEL").json();
    JsonObject mesaj = summary.getJsonArray("changeStats").getJsonObject(0);
    assertThat(mesaj.getString("type")).isEqualTo("MESAJ");
    assertThat(mesaj.getJsonArray("consents").getJsonObject(0).getInt("approval")).isEqualTo(2);

    var tooOld = api.get(brand + "/changes/" + today.minusDays(8) + "/file");
    assertThat(tooOld.status()).isEqualTo(422);
    assertThat(tooOld.body()).contains("\"H502\"");
    var malformed = api.get(brand + "/agreements/06.07.2020");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.body()).contains("\"H501\"");
    var otherBusiness = Businesses.approved(http);
    assertThat(
            http.withBearer(otherBusiness.accessToken())
                .get(brand + "/changes/" + first + "/file")
                .status())
        .isEqualTo(403);

    String verify = brand + "/changes/chain/verify?from=" + first + "&to=" + today.minusDays(1);
    JsonObject honest = api.get(verify).json();
    assertThat(honest.getBoolean("valid")).isTrue();
    assertThat(honest.getJsonArray("days")).hasSize(3);
    assertThat(verifyWithTheCommand(file.body(), secondFile, first, second, honest.toString()))
        .isZero();
    // Without dates the check covers the week a business can still download.
    JsonObject lastWeek = api.get(brand + "/changes/chain/verify").json();
    assertThat(lastWeek.getString("to")).isEqualTo(today.toString());
    assertThat(lastWeek.getString("from")).isEqualTo(today.minusDays(6).toString());
    assertThat(lastWeek.getBoolean("valid")).isTrue();

    // History rewritten behind the registry's back: the first day no longer hashes as frozen.
    try (var connection =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var rewrite =
            connection.prepareStatement(
                "UPDATE consent_movement SET status = 'RET' WHERE brand_code = ?"
                    + " AND recipient = '+905321110002'")) {
      rewrite.setInt(1, business.brandCode());
      assertThat(rewrite.executeUpdate()).isEqualTo(1);
    }
    JsonObject tampered = api.get(verify).json();
    assertThat(tampered.getBoolean("valid")).isFalse();
    assertThat(tampered.getJsonArray("days").getJsonObject(0).getBoolean("fileMatches")).isFalse();
    assertThat(tampered.getJsonArray("days").getJsonObject(1).getBoolean("fileMatches")).isTrue();
  }

  @Test
  void aBusinessListIsComparedWithTheRegistry() throws Exception {
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String brand = "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode();
    LocalDateTime now = LocalDateTime.now(TURKEY).minusMinutes(30);

    record(api, brand, now, "+905321120001", "ONAY"); // agrees with the list
    record(api, brand, now, "+905321120002", "ONAY"); // the list says RET
    record(api, brand, now, "+905321120003", "ONAY"); // the citizen rejects it below
    record(api, brand, now, "+905321120004", "ONAY"); // not in the list
    http.delete("/api/test/clock");
    citizenRejects(business.brandCode(), "+905321120003");

    String list =
        "Recipient;Type;Status;RecipientType\r\n"
            + "0532 112 00 01;MESAJ;ONAY;BIREYSEL\r\n"
            + "+905321120002;MESAJ;RET;BIREYSEL\r\n"
            + "+905321120003;MESAJ;ONAY;BIREYSEL\r\n"
            + "+905321120005;MESAJ;ONAY;BIREYSEL\r\n"
            + "5,32E+09;MESAJ;ONAY;BIREYSEL\r\n";
    var received =
        api.postBytes(
            brand + "/list-comparisons",
            "text/csv",
            list.getBytes(java.nio.charset.Charset.forName("windows-1254")));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    long id = received.json().getJsonNumber("id").longValue();
    String comparison = brand + "/list-comparisons/" + id;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !api.get(comparison).json().getString("status").equals("RUNNING"));

    JsonObject done = api.get(comparison).json();
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("rowsRead")).isEqualTo(5);
    JsonObject differences = done.getJsonObject("differences");
    assertThat(differences.getInt("REJECTION_NOT_APPLIED")).isEqualTo(1);
    assertThat(differences.getInt("DIFFERENT_STATUS")).isEqualTo(1);
    assertThat(differences.getInt("MISSING_IN_REGISTRY")).isEqualTo(1);
    assertThat(differences.getInt("MISSING_AT_BUSINESS")).isEqualTo(1);
    assertThat(differences.getInt("UNREADABLE")).isEqualTo(1);

    String report = api.get(comparison + "/report").body();
    String[] lines = report.split("\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[1])
        .startsWith("REJECTION_NOT_APPLIED,4,BIREYSEL,MESAJ,+905321120003,ONAY,RET,IYS_WEB,");
    assertThat(lines[2]).startsWith("DIFFERENT_STATUS,3,BIREYSEL,MESAJ,+905321120002,RET,ONAY,");
    assertThat(lines[3]).startsWith("MISSING_IN_REGISTRY,5,BIREYSEL,MESAJ,+905321120005,ONAY,,");
    assertThat(lines[4]).startsWith("MISSING_AT_BUSINESS,,BIREYSEL,MESAJ,+905321120004,,ONAY,");
    assertThat(lines[5]).startsWith("UNREADABLE,6,");

    assertThat(http.withBearer(Businesses.approved(http).accessToken()).get(comparison).status())
        .isEqualTo(403);
  }

  private void record(Http api, String brand, LocalDateTime at, String recipient, String status) {
    setClock(at);
    String consent =
        """
        {"recipient":"%s","type":"MESAJ","source":"HS_WEB","status":"%s",
         "consentDate":"%s","recipientType":"BIREYSEL"}"""
            .formatted(recipient, status, at.minusMinutes(5).format(WIRE));
    var stored = api.postJson(brand + "/consents", consent);
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
  }

  private void setClock(LocalDateTime at) {
    var set = http.putJson("/api/test/clock", "{\"now\":\"" + at.format(WIRE) + "\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  // The citizen's own channels are not reachable over HTTP yet; their effect on the current state
  // is written as the registry would write it.
  private static void citizenRejects(int brandCode, String recipient) throws Exception {
    try (var connection =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var reject =
            connection.prepareStatement(
                "UPDATE consent SET status = 'RET', source = 'IYS_WEB', version = version + 1"
                    + " WHERE brand_code = ? AND recipient = ?")) {
      reject.setInt(1, brandCode);
      reject.setString(2, recipient);
      assertThat(reject.executeUpdate()).isEqualTo(1);
    }
  }

  // The command a business runs on its downloaded files, with the server's verification answer as
  // the expectation; the empty day between has no file, as the server gives none.
  private static int verifyWithTheCommand(
      String firstFile, String secondFile, LocalDate first, LocalDate second, String expected)
      throws Exception {
    Path dir = TestStack.scratch("iys-chain-");
    Files.writeString(dir.resolve(first + ".csv"), firstFile);
    Files.writeString(dir.resolve(second + ".csv"), secondFile);
    Path expect = Files.writeString(dir.resolve("verify.json"), expected);
    Path tool = Path.of("..", "tools", "VerifyChain.java");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                tool.toString(),
                dir.toString(),
                "--expect",
                expect.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    assertThat(output).contains("chain verified").contains(" OK");
    return exit;
  }

  private static String sha384(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-384").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String link(String previous, LocalDate day, String fileHash) throws Exception {
    return sha384(previous + "\n" + day + "\n" + fileHash);
  }
}
