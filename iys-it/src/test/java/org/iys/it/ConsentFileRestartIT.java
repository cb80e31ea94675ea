package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.iys.launcher.PayaraMicro;
import org.junit.jupiter.api.Test;

/**
 * Kills the server in the middle of a large import and starts a new one: the import resumes after
 * its last committed chunk and ends exactly as an uninterrupted import of the same file does. Then
 * does the same to a comparison of a business list with the imported registry: the continued
 * comparison reports exactly what an uninterrupted one of the same list reports.
 */
class ConsentFileRestartIT {

  private static final int ROWS = 200_000;
  // The business list leaves out every tenth key (index ending in 5), so it has fewer lines.
  private static final int LISTED = ROWS - ROWS / 10;
  // Set from the business the test registers through the API.
  private static int iysCode;
  private static int killedBrand;
  private static int calmBrand;
  private static String token;

  @Test
  void anImportKilledMidwayResumesAndEndsAsAnUninterruptedOne() throws Exception {
    byte[] file = generatedFile();
    OwnServer server = OwnServer.prepared("restart-it", "512m");

    long killedFile;
    PayaraMicro first = server.start();
    try {
      Http http = registerBusiness(new Http(new URL(first.baseUrl() + "/")));
      var received = http.postBytes(files(killedBrand) + "?start=true", "text/csv", file);
      assertThat(received.status()).isEqualTo(201);
      killedFile = received.json().getJsonNumber("id").longValue();
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> rowsRead(http, killedBrand, killedFile) >= ROWS / 5);
    } finally {
      first.kill();
    }
    assertThat(status(killedFile)).isEqualTo("RUNNING");
    assertThat(reportRows(killedFile)).isLessThan(ROWS);

    PayaraMicro second = server.start();
    long killedComparison;
    try {
      Http http = new Http(new URL(second.baseUrl() + "/")).withBearer(token);
      var calm = http.postBytes(files(calmBrand) + "?start=true", "text/csv", file);
      long calmFile = calm.json().getJsonNumber("id").longValue();

      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> "COMPLETED".equals(status(killedFile)) && "COMPLETED".equals(status(calmFile)));

      assertThat(reportRows(killedFile)).isEqualTo(ROWS);
      assertThat(report(killedFile)).isEqualTo(report(calmFile));
      assertThat(consents(killedBrand)).isEqualTo(consents(calmBrand)).isNotEmpty();
      assertThat(movements(killedBrand)).isEqualTo(movements(calmBrand));
      assertThat(movements(killedBrand)).isEqualTo(consents(killedBrand).size());
      var done = http.get(files(killedBrand) + "/" + killedFile).json();
      assertThat(done.getInt("rowsRead")).isEqualTo(ROWS);
      anExcelExportWithATurkishNameAndAnExtraColumn(http);

      var listed = http.postBytes(comparisons(), "text/csv", businessList());
      assertThat(listed.status()).isEqualTo(201);
      killedComparison = listed.json().getJsonNumber("id").longValue();
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> comparisonRowsRead(killedComparison) >= LISTED / 5);
    } finally {
      second.kill();
    }
    assertThat(comparisonStatus(killedComparison)).isEqualTo("RUNNING");
    assertThat(comparisonRowsRead(killedComparison)).isLessThan(LISTED);

    PayaraMicro third = server.start();
    try {
      Http http = new Http(new URL(third.baseUrl() + "/")).withBearer(token);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> "COMPLETED".equals(comparisonStatus(killedComparison)));
      var calm = http.postBytes(comparisons(), "text/csv", businessList());
      long calmComparison = calm.json().getJsonNumber("id").longValue();
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> "COMPLETED".equals(comparisonStatus(calmComparison)));

      var counts = http.get(comparisons() + "/" + killedComparison).json();
      assertThat(counts.getJsonNumber("rowsRead").longValue()).isEqualTo(LISTED);
      assertThat(differences(killedComparison))
          .hasSize(3 * ROWS / 10)
          .isEqualTo(differences(calmComparison));
      assertThat(differenceKinds(killedComparison))
          .containsExactly(
              "DIFFERENT_STATUS|" + ROWS / 10,
              "MISSING_AT_BUSINESS|" + ROWS / 10,
              "MISSING_IN_REGISTRY|" + ROWS / 10);
      var killedReport = http.get(comparisons() + "/" + killedComparison + "/report");
      var calmReport = http.get(comparisons() + "/" + calmComparison + "/report");
      assertThat(killedReport.status()).isEqualTo(200);
      assertThat(killedReport.body()).isEqualTo(calmReport.body());
    } finally {
      third.close();
    }
  }

  /**
   * A Windows-1254 file as Turkish Excel saves it: the header upper-cased with the dotted capital
   * İ, a customer-name column the API does not know, and a Turkish file name that cannot travel raw
   * in a header. The name arrives intact, and each refused row's report names the column.
   */
  private static void anExcelExportWithATurkishNameAndAnExtraColumn(Http http) {
    String date =
        LocalDateTime.now(ZoneId.of("Europe/Istanbul"))
            .minusHours(1)
            .format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    byte[] excel =
        ("RECİPİENT;TYPE;STATUS;SOURCE;CONSENTDATE;Müşteri Adı\r\n"
                + "0532 111 22 33;MESAJ;ONAY;HS_WEB;"
                + date
                + ";Şükrü Öztürk\r\n")
            .getBytes(java.nio.charset.Charset.forName("windows-1254"));
    var received =
        http.postBytes(
            files(calmBrand) + "?start=true&fileName=m%C3%BC%C5%9Fteri%20izinleri.csv",
            "text/csv",
            excel);
    assertThat(received.status()).isEqualTo(201);
    assertThat(received.json().getString("fileName")).isEqualTo("müşteri izinleri.csv");
    long id = received.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !"RUNNING".equals(status(id)));
    String report = http.get(files(calmBrand) + "/" + id + "/report").body();
    assertThat(report)
        .contains("2,BIREYSEL;MESAJ;+905321112233,REFUSED,H118,\"H118 [Müşteri Adı] ");
  }

  /**
   * The business's own list for the brand whose import was killed: keys the import refused are
   * listed as ONAY (missing in the registry), every tenth key as RET (a different status), and
   * every tenth left out (missing at the business).
   */
  private static byte[] businessList() {
    StringBuilder csv = new StringBuilder("recipient;type;status\n");
    for (int i = 0; i < ROWS; i++) {
      if (i % 10 == 5) {
        continue;
      }
      String status = i % 10 == 3 ? "RET" : "ONAY";
      String type = i % 2 == 0 ? "MESAJ" : "ARAMA";
      csv.append(String.format("0532%07d;%s;%s\n", i, type, status));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String comparisons() {
    return "/api/sps/" + iysCode + "/brands/" + killedBrand + "/list-comparisons";
  }

  private static String comparisonStatus(long id) throws Exception {
    return rows("SELECT status FROM list_comparison WHERE id = " + id).get(0);
  }

  private static long comparisonRowsRead(long id) throws Exception {
    return Long.parseLong(rows("SELECT rows_read FROM list_comparison WHERE id = " + id).get(0));
  }

  private static List<String> differences(long id) throws Exception {
    return rows(
        "SELECT CONCAT_WS('|', entry, kind, COALESCE(line_number, ''), COALESCE(recipient, ''),"
            + " COALESCE(business_status, ''), COALESCE(registry_status, ''))"
            + " FROM list_comparison_difference WHERE comparison_id = "
            + id
            + " ORDER BY entry");
  }

  private static List<String> differenceKinds(long id) throws Exception {
    return rows(
        "SELECT CONCAT(kind, '|', COUNT(*)) FROM list_comparison_difference WHERE comparison_id = "
            + id
            + " GROUP BY kind ORDER BY kind");
  }

  /** A business with two brands: one import is killed, the other runs undisturbed. */
  private static Http registerBusiness(Http anonymous) {
    var business = Businesses.approved(anonymous);
    iysCode = business.iysCode();
    killedBrand = business.brandCode();
    token = business.accessToken();
    Http http = anonymous.withBearer(token);
    var brand = http.postJson("/api/sps/" + iysCode + "/brands", "{\"name\":\"Sakin Marka\"}");
    assertThat(brand.status()).isEqualTo(201);
    calmBrand = brand.json().getInt("brandCode");
    return http;
  }

  // Most rows create a consent; every tenth rejects a key never recorded (H175) and every
  // hundredth carries a malformed status, so the state and field rules both have work.
  private static byte[] generatedFile() {
    String date =
        LocalDateTime.now(ZoneId.of("Europe/Istanbul"))
            .minusHours(1)
            .format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    StringBuilder csv = new StringBuilder("recipient;type;status;source;consentDate\n");
    for (int i = 0; i < ROWS; i++) {
      String status = i % 100 == 99 ? "onay" : i % 10 == 9 ? "RET" : "ONAY";
      String type = i % 2 == 0 ? "MESAJ" : "ARAMA";
      csv.append(String.format("0532%07d;%s;%s;HS_WEB;%s\n", i, type, status, date));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String files(int brand) {
    return "/api/sps/" + iysCode + "/brands/" + brand + "/consent-files";
  }

  private static long rowsRead(Http http, int brand, long id) {
    return http.get(files(brand) + "/" + id).json().getJsonNumber("rowsRead").longValue();
  }

  private static String status(long id) throws Exception {
    return rows("SELECT status FROM consent_file WHERE id = " + id).get(0);
  }

  private static long reportRows(long id) throws Exception {
    return Long.parseLong(
        rows("SELECT COUNT(*) FROM consent_file_row WHERE file_id = " + id).get(0));
  }

  private static List<String> report(long id) throws Exception {
    return rows(
        "SELECT CONCAT_WS('|', line_number, shown_key, outcome, COALESCE(code, ''))"
            + " FROM consent_file_row WHERE file_id = "
            + id
            + " ORDER BY line_number");
  }

  private static List<String> consents(int brand) throws Exception {
    return rows(
        "SELECT CONCAT_WS('|', recipient, recipient_type, type, status, source, consent_date)"
            + " FROM consent WHERE brand_code = "
            + brand
            + " ORDER BY recipient, type");
  }

  private static long movements(int brand) throws Exception {
    return Long.parseLong(
        rows("SELECT COUNT(*) FROM consent_movement WHERE brand_code = " + brand).get(0));
  }

  private static List<String> rows(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
