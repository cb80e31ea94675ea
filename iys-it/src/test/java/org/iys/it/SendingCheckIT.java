package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check before sending and push delivery, over REST against consent rows and movements written
 * straight into MariaDB. Every test uses its own brand code, so the tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendingCheckIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter TURKEY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

  // ---- the check before sending -------------------------------------------------------------

  /** A fresh approved business; later requests carry its token. Its master brand is returned. */
  private int newBrand() {
    var business = Businesses.approved(new Http(deployment));
    http = new Http(deployment).withBearer(business.accessToken());
    return business.iysCode();
  }

  @Test
  void singleChecksAnswerFromTheCurrentState() throws Exception {
    int brand = newBrand();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    consent(brand, "+905321110001", "BIREYSEL", "MESAJ", "ONAY", now.minusDays(40));
    consent(brand, "+905321110002", "BIREYSEL", "MESAJ", "RET", now.minusHours(1));
    consent(brand, "+905321110003", "BIREYSEL", "MESAJ", "RET", now.minusDays(30));
    consent(brand, "+905321110005", "TACIR", "MESAJ", "RET", now.minusDays(30));
    consent(brand, "ali.veli@example.com", "BIREYSEL", "EPOSTA", "ONAY", now.minusDays(3));

    assertThat(check(brand, "MESAJ", "+905321110001", "BIREYSEL").json().getBoolean("allowed"))
        .isTrue();
    JsonObject recent = check(brand, "MESAJ", "+905321110002", "BIREYSEL").json();
    assertThat(recent.getBoolean("allowed")).isFalse();
    assertThat(recent.getString("reason")).isEqualTo("REJECTED_STOP_WINDOW");
    LocalDateTime stopBy = LocalDateTime.parse(recent.getString("stopBy"), TURKEY_TIME);
    assertThat(stopBy).isAfter(LocalDateTime.now(ZoneId.of("Europe/Istanbul")).plusDays(2));
    assertThat(check(brand, "MESAJ", "+905321110003", "BIREYSEL").json())
        .containsEntry("reason", jsonString("REJECTED"))
        .doesNotContainKey("stopBy");
    assertThat(check(brand, "MESAJ", "+905321110004", "BIREYSEL").json())
        .containsEntry("reason", jsonString("NO_CONSENT"));
    assertThat(check(brand, "MESAJ", "+905321110004", "TACIR").json().getBoolean("allowed"))
        .isTrue();
    assertThat(check(brand, "MESAJ", "+905321110005", "TACIR").json())
        .containsEntry("reason", jsonString("REJECTED"));
    assertThat(check(brand, "ARAMA", "+905321110001", "BIREYSEL").json())
        .containsEntry("reason", jsonString("NO_CONSENT"));
    assertThat(check(brand, "EPOSTA", "Ali.Veli@Example.com", null).json().getBoolean("allowed"))
        .isTrue();
  }

  @Test
  void singleCheckRefusesBadRequestsWithTheEnvelope() {
    int brand = newBrand();

    var invalid = check(brand, "MESAJ", "+9005321234567", "BIREYSEL");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(code(invalid.json())).isEqualTo("H121");
    assertThat(code(check(brand, "MESAJ", "ali@example.com", null).json())).isEqualTo("H464");
    assertThat(code(check(brand, "FAKS", "+905321234567", null).json())).isEqualTo("H117");
    assertThat(code(check(brand, "MESAJ", "+905321234567", "KURUM").json())).isEqualTo("H116");
    var noType = http.postJson(path(brand), "{\"recipient\":\"+905321234567\"}");
    assertThat(noType.status()).isEqualTo(422);
    assertThat(code(noType.json())).isEqualTo("H111");
    var broken = http.postJson(path(brand), "{\"type\":\"MESAJ\",");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(code(broken.json())).isEqualTo("H014");
  }

  @Test
  void bulkCheckNamesOnlyTheAddressesThatMayNotBeMessaged() throws Exception {
    int brand = newBrand();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    consent(brand, "+905322220001", "BIREYSEL", "MESAJ", "ONAY", now.minusDays(40));
    consent(brand, "+905322220002", "BIREYSEL", "MESAJ", "RET", now.minusHours(2));
    consent(brand, "+905322220003", "BIREYSEL", "MESAJ", "RET", now.minusDays(30));

    var answer =
        http.postJson(
            path(brand) + "/bulk",
            "{\"type\":\"MESAJ\",\"recipients\":[\"+905322220001\",\"+905322220002\","
                + "\"+905322220003\",\"+905322220004\",\"+900532222\\\"0005\"]}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getInt("checked")).isEqualTo(5);
    Map<String, JsonObject> refused = byRecipient(answer.json().getJsonArray("refused"));
    assertThat(refused)
        .containsOnlyKeys("+905322220002", "+905322220003", "+905322220004", "+900532222\"0005");
    assertThat(refused.get("+905322220002").getString("reason")).isEqualTo("REJECTED_STOP_WINDOW");
    assertThat(refused.get("+905322220002").getString("stopBy"))
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(refused.get("+905322220003").getString("reason")).isEqualTo("REJECTED");
    assertThat(refused.get("+905322220004").getString("reason")).isEqualTo("NO_CONSENT");
    assertThat(refused.get("+900532222\"0005").getString("reason")).isEqualTo("INVALID_RECIPIENT");
    assertThat(refused.get("+900532222\"0005").getString("code")).isEqualTo("H121");
  }

  @Test
  void bulkCheckOfMerchantsAcrossSeveralBatches() throws Exception {
    int brand = newBrand();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    List<String> recipients = new ArrayList<>();
    try (Connection db = database()) {
      for (int i = 0; i < 2_500; i++) {
        String phone = String.format("+90533%07d", i);
        recipients.add(phone);
        if (i % 10 == 0) {
          insertConsent(db, brand, phone, "TACIR", "MESAJ", "RET", now.minusDays(30));
        } else if (i % 10 == 1) {
          insertConsent(db, brand, phone, "TACIR", "MESAJ", "ONAY", now.minusDays(30));
        }
      }
    }
    String list = String.join("\",\"", recipients);

    var answer =
        http.postJson(
            path(brand) + "/bulk",
            "{\"recipientType\":\"TACIR\",\"recipients\":[\"" + list + "\"],\"type\":\"MESAJ\"}");

    JsonArray refused = answer.json().getJsonArray("refused");
    assertThat(answer.json().getInt("checked")).isEqualTo(2_500);
    assertThat(refused).hasSize(250);
    assertThat(byRecipient(refused).values())
        .allSatisfy(r -> assertThat(r.getString("reason")).isEqualTo("REJECTED"));
    assertThat(refused.getJsonObject(249).getString("recipient")).isEqualTo("+905330002490");
  }

  @Test
  void pingAnswersWithoutTouchingAnything() {
    assertThat(http.get("/api/ping").body()).contains("pong");
  }

  // ---- push connections ---------------------------------------------------------------------

  @Test
  void connectionsAreRegisteredListedAndRemoved() {
    int brand = newBrand();
    try (var receiver = PushReceiver.healthy();
        var second = PushReceiver.healthy();
        var third = PushReceiver.healthy()) {
      var created = register(brand, receiver.url(), "MESAJ");
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.json().getString("message")).isNotBlank();
      assertThat(receiver.samplesReceived()).isEqualTo(1);
      assertThat(register(brand, second.url(), "MESAJ").status()).isEqualTo(200);

      var tooMany = register(brand, third.url(), "MESAJ");
      assertThat(tooMany.status()).isEqualTo(422);
      assertThat(code(tooMany.json())).isEqualTo("H530");

      JsonArray listed = http.get(pushPath(brand) + "/registration").structure().asJsonArray();
      assertThat(listed).hasSize(2);
      JsonObject first = listed.getJsonObject(0);
      assertThat(first.getString("url")).isEqualTo(receiver.url());
      assertThat(first.getString("type")).isEqualTo("MESAJ");
      assertThat(first.getString("status")).isEqualTo("CONNECTED");
      assertThat(first.getString("registerTime"))
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

      var wrongPassword =
          http.postJson(
              pushPath(brand) + "/unregistration",
              connection(receiver.url(), "MESAJ", PushReceiver.USER, "nope"));
      assertThat(wrongPassword.status()).isEqualTo(422);
      assertThat(code(wrongPassword.json())).isEqualTo("H530");
      var removed =
          http.postJson(
              pushPath(brand) + "/unregistration",
              connection(receiver.url(), "MESAJ", PushReceiver.USER, PushReceiver.PASSWORD));
      assertThat(removed.status()).isEqualTo(200);
      assertThat(http.get(pushPath(brand) + "/registration").structure().asJsonArray()).hasSize(1);
    }
  }

  @Test
  void registrationRefusesBadConnectionsWithTheReferenceCodes() {
    int brand = newBrand();
    String registration = pushPath(brand) + "/registration";

    var ftp =
        http.postJson(
            registration,
            "{\"connection\":[" + connection("ftp://127.0.0.1/x", "MESAJ", "u", "p") + "]}");
    assertThat(ftp.status()).isEqualTo(422);
    assertThat(code(ftp.json())).isEqualTo("H531");
    var badType = register(brand, "http://127.0.0.1:9/push", "FAKS");
    assertThat(code(badType.json())).isEqualTo("H117");
    assertThat(
            badType
                .json()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonArray("location")
                .getString(0))
        .isEqualTo("type");
    var noUser =
        http.postJson(
            registration,
            "{\"connection\":[{\"url\":\"http://127.0.0.1:9/p\","
                + "\"type\":\"ARAMA\",\"password\":\"x\"}]}");
    assertThat(code(noUser.json())).isEqualTo("H093");
    var noType =
        http.postJson(
            registration,
            "{\"connection\":[{\"url\":\"http://127.0.0.1:9/p\","
                + "\"username\":\"u\",\"password\":\"x\"}]}");
    assertThat(code(noType.json())).isEqualTo("H111");
    var broken = http.postJson(registration, "{\"connection\":");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(code(broken.json())).isEqualTo("H014");

    try (var open = PushReceiver.withoutAuthentication()) {
      var unauthenticated = register(brand, open.url(), "EPOSTA");
      assertThat(unauthenticated.status()).isEqualTo(422);
      assertThat(code(unauthenticated.json())).isEqualTo("H530");
    }
    try (var silent = PushReceiver.silent()) {
      long start = System.currentTimeMillis();
      var timedOut = register(brand, silent.url(), "ARAMA");
      assertThat(code(timedOut.json())).isEqualTo("H191");
      assertThat(System.currentTimeMillis() - start).isBetween(4_500L, 6_900L);
    }
    JsonArray listed = http.get(registration).structure().asJsonArray();
    assertThat(listed).extracting(v -> v.asJsonObject().getString("status")).containsOnly("FAILED");
  }

  // ---- push delivery ------------------------------------------------------------------------

  @Test
  void registryMovementsArriveOnceAfterRefusalsWithBackOff() throws Exception {
    int brand = newBrand();
    try (var receiver = PushReceiver.failingFirst(2)) {
      assertThat(register(brand, receiver.url(), "MESAJ").status()).isEqualTo(200);
      String citizen = movement(brand, "+905324440001", "MESAJ", "RET", "IYS_KISAMESAJ");
      String web = movement(brand, "+905324440002", "MESAJ", "RET", "IYS_WEB");
      movement(brand, "+905324440003", "MESAJ", "ONAY", "HS_WEB");
      movement(brand, "+905324440004", "ARAMA", "RET", "IYS_WEB");

      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted.size() >= 2);
      Thread.sleep(3_000);

      assertThat(receiver.accepted).containsExactly(citizen, web);
      assertThat(receiver.attempts).hasSize(3);
      long firstGap = receiver.attempts.get(1) - receiver.attempts.get(0);
      long secondGap = receiver.attempts.get(2) - receiver.attempts.get(1);
      assertThat(firstGap).isGreaterThanOrEqualTo(900);
      assertThat(secondGap).isGreaterThanOrEqualTo(1_900).isGreaterThan(firstGap);
    }
  }

  @Test
  void aStalledReceiverIsCutOffAfterFiveSecondsAndTriedAgain() throws Exception {
    int brand = newBrand();
    try (var receiver = PushReceiver.stallingFirst(1, 9_000)) {
      assertThat(register(brand, receiver.url(), "EPOSTA").status()).isEqualTo(200);
      String id = movement(brand, "veli@example.com", "EPOSTA", "RET", "IYS_EPOSTA");

      await().atMost(Duration.ofSeconds(40)).until(() -> receiver.accepted.contains(id));

      long retriedAfter = receiver.attempts.get(1) - receiver.attempts.get(0);
      assertThat(retriedAfter).isBetween(5_000L, 8_500L);
      assertThat(receiver.accepted).containsExactly(id);
    }
  }

  @Test
  void deliveryResumesFromTheStoredCursorAndRespectsAnotherInstancesLease() throws Exception {
    int brand = newBrand();
    try (var receiver = PushReceiver.healthy()) {
      assertThat(register(brand, receiver.url(), "ARAMA").status()).isEqualTo(200);
      String first = movement(brand, "+905325550001", "ARAMA", "RET", "IYS_CM");
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted.contains(first));

      // Another instance holds the connection: this one must leave it alone.
      sql(
          "UPDATE push_registration SET lease_owner = 'another-instance',"
              + " lease_until = UTC_TIMESTAMP(3) + INTERVAL 1 HOUR WHERE brand_code = "
              + brand);
      String second = movement(brand, "+905325550002", "ARAMA", "RET", "IYS_MOBIL");
      Thread.sleep(5_000);
      assertThat(receiver.accepted).containsExactly(first);

      // That instance died mid-delivery: its lease runs out and delivery continues after the
      // stored cursor, with nothing already acknowledged sent again.
      sql(
          "UPDATE push_registration SET lease_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND"
              + " WHERE brand_code = "
              + brand);
      String third = movement(brand, "+905325550003", "ARAMA", "ONAY", "IYS_WEB_YENI");
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted.contains(third));
      Thread.sleep(2_000);

      assertThat(receiver.accepted).containsExactly(first, second, third);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Http.Reply check(int brand, String type, String recipient, String recipientType) {
    String body =
        "{\"type\":\""
            + type
            + "\",\"recipient\":\""
            + recipient
            + "\""
            + (recipientType == null ? "" : ",\"recipientType\":\"" + recipientType + "\"")
            + "}";
    return http.postJson(path(brand), body);
  }

  private Http.Reply register(int brand, String url, String type) {
    return http.postJson(
        pushPath(brand) + "/registration",
        "{\"connection\":["
            + connection(url, type, PushReceiver.USER, PushReceiver.PASSWORD)
            + "]}");
  }

  private static String connection(String url, String type, String user, String password) {
    return "{\"url\":\""
        + url
        + "\",\"type\":\""
        + type
        + "\",\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\"}";
  }

  private static String path(int brand) {
    return "/api/sps/" + brand + "/brands/" + brand + "/sending-check";
  }

  private static String pushPath(int brand) {
    return "/api/sps/" + brand + "/brands/" + brand + "/push";
  }

  private static String code(JsonObject envelope) {
    return envelope.getJsonArray("errors").getJsonObject(0).getString("code");
  }

  private static JsonValue jsonString(String text) {
    return jakarta.json.Json.createValue(text);
  }

  private static Map<String, JsonObject> byRecipient(JsonArray refused) {
    Map<String, JsonObject> map = new HashMap<>();
    refused.forEach(v -> map.put(v.asJsonObject().getString("recipient"), v.asJsonObject()));
    return map;
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
  }

  private static void sql(String statement) throws SQLException {
    try (Connection db = database();
        var s = db.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private static void consent(
      int brand,
      String recipient,
      String recipientType,
      String type,
      String status,
      LocalDateTime consentDateUtc)
      throws SQLException {
    try (Connection db = database()) {
      insertConsent(db, brand, recipient, recipientType, type, status, consentDateUtc);
    }
  }

  private static void insertConsent(
      Connection db,
      int brand,
      String recipient,
      String recipientType,
      String type,
      String status,
      LocalDateTime consentDateUtc)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO consent (version, iys_code, brand_code, recipient, recipient_type, type,"
                + " status, source, consent_date, creation_date, transaction_id)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, 'HS_WEB', ?, ?, ?)")) {
      insert.setInt(1, brand);
      insert.setInt(2, brand);
      insert.setString(3, recipient);
      insert.setString(4, recipientType);
      insert.setString(5, type);
      insert.setString(6, status);
      insert.setObject(7, consentDateUtc);
      insert.setObject(8, consentDateUtc.plusMinutes(5));
      insert.setString(9, transactionId());
      insert.executeUpdate();
    }
  }

  /** Records a movement now (database clock, UTC) and answers its transaction id. */
  private static String movement(
      int brand, String recipient, String type, String status, String source) throws SQLException {
    String id = transactionId();
    try (Connection db = database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO consent_movement (transaction_id, iys_code, brand_code, recipient,"
                    + " recipient_type, type, status, source, consent_date, creation_date)"
                    + " VALUES (?, ?, ?, ?, 'BIREYSEL', ?, ?, ?,"
                    + " UTC_TIMESTAMP(), UTC_TIMESTAMP(3))")) {
      insert.setString(1, id);
      insert.setInt(2, brand);
      insert.setInt(3, brand);
      insert.setString(4, recipient);
      insert.setString(5, type);
      insert.setString(6, status);
      insert.setString(7, source);
      insert.executeUpdate();
    }
    return id;
  }

  private static String transactionId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
