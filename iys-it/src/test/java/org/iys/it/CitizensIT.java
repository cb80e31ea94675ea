package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Citizens over the real API: proving addresses with codes read from the outbox table, seeing and
 * changing consents, SMS keywords, ONAY notices with reject links, and the protection of a
 * citizen's rejection. Every test uses its own addresses and businesses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CitizensIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
  private static final Pattern LINK =
      Pattern.compile("https://iys\\.example(/api/citizen/reject/\\S+)");
  private static final String SMS_SECRET = "it-sms-secret";

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
    http.anonymous().delete("/api/test/clock");
  }

  @Test
  void citizenVerifiesTwoAddressesSeesAndChangesConsents() throws Exception {
    var business = Businesses.approved(http);
    var other = Businesses.approved(http);
    String phone = phone();
    String email = email();
    businessOnay(business, phone, "MESAJ", null);

    String token = verify(phone, null);
    JsonObject joined = confirmWithCode(email, token);
    assertThat(joined.getString("token")).isEqualTo(token);
    assertThat(joined.getJsonArray("addresses")).hasSize(2);

    JsonObject listed = citizen(token).get("/api/citizen/consents").json();
    JsonObject onay = only(listed, business.brandCode(), phone, "MESAJ");
    assertThat(onay.getString("brandName")).isNotBlank();
    assertThat(onay.getString("status")).isEqualTo("ONAY");
    assertThat(onay.getString("source")).isEqualTo("HS_WEB");
    assertThat(onay.getString("recipientType")).isEqualTo("BIREYSEL");
    assertThat(LocalDateTime.parse(onay.getString("since"), WIRE))
        .isBefore(LocalDateTime.now(TURKEY).plusMinutes(1));

    var rejected = change(token, "", phone, business.brandCode(), "MESAJ", "RET");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(source(business.brandCode(), phone, "MESAJ")).isEqualTo("IYS_WEB");

    assertThat(change(token, "", email, other.brandCode(), "EPOSTA", "ONAY").status())
        .isEqualTo(200);
    assertThat(source(other.brandCode(), email, "EPOSTA")).isEqualTo("IYS_WEB_YENI");
    assertThat(change(token, "mobile/", phone, other.brandCode(), "ARAMA", "ONAY").status())
        .isEqualTo(200);
    assertThat(source(other.brandCode(), phone, "ARAMA")).isEqualTo("IYS_MOBIL");
    assertThat(change(token, "", phone, other.brandCode(), "MESAJ", "ONAY").status())
        .isEqualTo(200);

    var all = citizen(token).postJson("/api/citizen/consents/reject-all", recipient(phone));
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().getInt("rejected")).isEqualTo(2);
    assertThat(status(other.brandCode(), phone, "ARAMA")).isEqualTo("RET");
    assertThat(status(other.brandCode(), email, "EPOSTA")).isEqualTo("ONAY");

    var stranger = change(token, "", phone(), business.brandCode(), "MESAJ", "RET");
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(code(stranger.json())).isEqualTo("IYS310");
    var noSession = http.anonymous().get("/api/citizen/consents");
    assertThat(noSession.status()).isEqualTo(401);
    assertThat(code(noSession.json())).isEqualTo("IYS309");
    var again = change(token, "", phone, business.brandCode(), "MESAJ", "RET");
    assertThat(code(again.json())).isEqualTo("H174");
  }

  @Test
  void codesAllowThreeWrongTriesExpireAndAreThrottledPerAddress() throws Exception {
    String phone = phone();
    String id = start(phone);
    String code = latestCode(phone);
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 3; i++) {
      var reply = confirm(id, wrong, null);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(code(reply.json())).isEqualTo("IYS305");
    }
    assertThat(code(confirm(id, code, null).json())).isEqualTo("IYS307");

    String late = start(phone);
    String lateCode = latestCode(phone);
    LocalDateTime now =
        LocalDateTime.parse(http.get("/api/test/clock").json().getString("now"), WIRE);
    http.putJson("/api/test/clock", "{\"now\":\"" + WIRE.format(now.plusMinutes(16)) + "\"}");
    assertThat(code(confirm(late, lateCode, null).json())).isEqualTo("IYS306");
    http.delete("/api/test/clock");

    String used = start(phone);
    String usedCode = latestCode(phone);
    assertThat(confirm(used, usedCode, null).status()).isEqualTo(200);
    assertThat(code(confirm(used, usedCode, null).json())).isEqualTo("IYS308");
    assertThat(code(confirm("0".repeat(32), "123456", null).json())).isEqualTo("IYS304");

    String throttled = phone();
    for (int i = 0; i < 5; i++) {
      start(throttled);
    }
    var sixth = http.postJson("/api/citizen/verifications", address(throttled));
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(code(sixth.json())).isEqualTo("IYS302");
    var bad = http.postJson("/api/citizen/verifications", address("+9005321234567"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(code(bad.json())).isEqualTo("H121");
  }

  @Test
  void smsKeywordRejectsOnceAndAnswersEveryText() throws Exception {
    var business = Businesses.approved(http);
    String brandName = "Kampanya " + Long.toHexString(RANDOM.nextLong());
    int named =
        http.withBearer(business.accessToken())
            .postJson(
                "/api/sps/" + business.iysCode() + "/brands", "{\"name\":\"" + brandName + "\"}")
            .json()
            .getInt("brandCode");
    String phone = phone();
    String messageId = "m-" + Long.toHexString(RANDOM.nextLong());

    assertThat(sms(messageId, phone, "RET " + business.brandCode()).json().getString("outcome"))
        .isEqualTo("REJECTED");
    assertThat(sms(messageId, phone, "RET " + business.brandCode()).json().getString("outcome"))
        .isEqualTo("DUPLICATE");
    assertThat(source(business.brandCode(), phone, "MESAJ")).isEqualTo("IYS_KISAMESAJ");
    assertThat(movements(business.brandCode(), phone)).isEqualTo(1);

    assertThat(
            sms(id(), phone, "ret " + brandName.toLowerCase(java.util.Locale.ROOT))
                .json()
                .getString("outcome"))
        .isEqualTo("REJECTED");
    assertThat(status(named, phone, "MESAJ")).isEqualTo("RET");

    assertThat(sms(id(), phone, "RET No Such Brand Anywhere").json().getString("outcome"))
        .isEqualTo("UNKNOWN_BRAND");
    assertThat(latestText(phone)).contains("No brand is known");
    assertThat(sms(id(), phone, "hello").json().getString("outcome")).isEqualTo("MALFORMED");
    assertThat(latestText(phone)).contains("RET");
    assertThat(sms(id(), phone, "").json().getString("outcome")).isEqualTo("MALFORMED");

    var forged =
        http.anonymous()
            .send(
                "POST",
                "/api/gateway/sms/inbound",
                "application/json",
                smsJson(id(), phone, "RET 1").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(code(forged.json())).isEqualTo("IYS313");
  }

  @Test
  void newOnayIsAnnouncedWithASingleUseRejectLink() throws Exception {
    var business = Businesses.approved(http);
    String email = email();
    businessOnay(business, email, "EPOSTA", null);

    String notice = latestText(email);
    Matcher link = LINK.matcher(notice);
    assertThat(link.find()).as(notice).isTrue();
    String path = link.group(1);

    var page = http.anonymous().get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("EPOSTA").contains("<form");
    assertThat(status(business.brandCode(), email, "EPOSTA")).isEqualTo("ONAY");

    var used = http.anonymous().post(path, "application/json", "{}");
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.json().getString("outcome")).isEqualTo("REJECTED");
    assertThat(source(business.brandCode(), email, "EPOSTA")).isEqualTo("IYS_EPOSTA");

    var twice = http.anonymous().post(path, "application/json", "{}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(code(twice.json())).isEqualTo("IYS317");
    var tampered = http.anonymous().get(path.substring(0, path.length() - 2) + "xx");
    assertThat(tampered.status()).isEqualTo(404);
    assertThat(code(tampered.json())).isEqualTo("IYS315");
  }

  @Test
  void citizensRejectionHoldsAgainstBusinessesAndReachesTheirPull() throws Exception {
    var business = Businesses.approved(http);
    String phone = phone();
    businessOnay(business, phone, "MESAJ", null);
    String token = verify(phone, null);
    assertThat(change(token, "", phone, business.brandCode(), "MESAJ", "RET").status())
        .isEqualTo(200);

    // A later consent must also be dated after the rejection, or H178 answers first.
    Thread.sleep(1_100);
    var refused = businessOnay(business, phone, "MESAJ", null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(code(refused.json())).isEqualTo("IYS001");
    var attempts = Businesses.staff(http).get("/api/staff/protected-rejections").structure();
    assertThat(attempts.toString())
        .contains(phone)
        .contains("\"brandCode\":" + business.brandCode());
    assertThat(http.anonymous().get("/api/staff/protected-rejections").status()).isEqualTo(401);

    LocalDateTime now =
        LocalDateTime.parse(http.get("/api/test/clock").json().getString("now"), WIRE);
    http.putJson("/api/test/clock", "{\"now\":\"" + WIRE.format(now.plusMinutes(61)) + "\"}");
    var pull =
        http.withBearer(business.accessToken())
            .get(
                "/api/sps/"
                    + business.iysCode()
                    + "/brands/"
                    + business.brandCode()
                    + "/consents/changes?source=IYS");
    assertThat(pull.status()).isEqualTo(200);
    assertThat(pull.json().getJsonArray("list").toString())
        .contains(phone)
        .contains("IYS_WEB")
        .contains("RET");
    http.delete("/api/test/clock");

    Thread.sleep(1_100);
    var accepted = businessOnay(business, phone, "MESAJ", "form-2026-0042");
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(status(business.brandCode(), phone, "MESAJ")).isEqualTo("ONAY");
  }

  @Test
  void aCitizensRejectionReachesTheWebhookWhosePasswordIsStoredSealed() throws Exception {
    var business = Businesses.approved(http);
    String phone = phone();
    businessOnay(business, phone, "MESAJ", null);
    var owner = http.withBearer(business.accessToken());
    String push = "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/push";
    try (var receiver = PushReceiver.healthy()) {
      String connection =
          "{\"url\":\""
              + receiver.url()
              + "\",\"type\":\"MESAJ\",\"username\":\""
              + PushReceiver.USER
              + "\",\"password\":\""
              + PushReceiver.PASSWORD
              + "\"}";
      var registered =
          owner.postJson(push + "/registration", "{\"connection\":[" + connection + "]}");
      assertThat(registered.status()).as(registered.body()).isEqualTo(200);

      String stored =
          single(
              "SELECT password FROM push_registration WHERE url = ? AND status = 'CONNECTED'",
              receiver.url());
      assertThat(stored).startsWith("gcm1:").doesNotContain(PushReceiver.PASSWORD);
      String listed = owner.get(push + "/registration").body();
      assertThat(listed).contains(receiver.url()).doesNotContain(PushReceiver.PASSWORD);
      assertThat(listed).doesNotContain("password").doesNotContain(stored);

      String token = verify(phone, null);
      assertThat(change(token, "", phone, business.brandCode(), "MESAJ", "RET").status())
          .isEqualTo(200);
      String rejection =
          single(
              "SELECT transaction_id FROM consent WHERE brand_code = "
                  + business.brandCode()
                  + " AND recipient = ? AND type = 'MESAJ'",
              phone);
      // The receiver answers 401 to anything but the password it was registered with.
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted.contains(rejection));
      } catch (org.awaitility.core.ConditionTimeoutException late) {
        throw new AssertionError(
            "not delivered; connection: "
                + single(
                    "SELECT CONCAT_WS(' | ', attempts, last_error, next_attempt, lease_owner,"
                        + " delivered_creation_date, UTC_TIMESTAMP(3)) FROM push_registration"
                        + " WHERE url = ? AND status = 'CONNECTED'",
                    receiver.url())
                + "; movement created "
                + single(
                    "SELECT creation_date FROM consent_movement WHERE transaction_id = ?",
                    rejection)
                + "; accepted "
                + receiver.accepted,
            late);
      }

      var unregistered = owner.postJson(push + "/unregistration", connection);
      assertThat(unregistered.status()).as(unregistered.body()).isEqualTo(200);
      assertThat(owner.get(push + "/registration").structure().asJsonArray()).isEmpty();
    }
  }

  @Test
  void bulkFilesAndQueuedRequestsAnnounceOnaysAndShowProtectedAttempts() throws Exception {
    var business = Businesses.approved(http);
    var owner = http.withBearer(business.accessToken());
    String fileEmail = email();
    String filePhone = phone();
    String queuedEmail = email();
    String queuedPhone = phone();
    for (String protectedPhone : List.of(filePhone, queuedPhone)) {
      String token = verify(protectedPhone, null);
      assertThat(change(token, "", protectedPhone, business.brandCode(), "MESAJ", "RET").status())
          .isEqualTo(200);
    }
    // Business consents dated before the citizen's rejection are refused with H178 first.
    Thread.sleep(1_100);
    String date = WIRE.format(LocalDateTime.now(TURKEY));

    String files =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files";
    String csv =
        "recipient;type;status;source;consentDate;recipientType\r\n"
            + fileEmail
            + ";EPOSTA;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + filePhone
            + ";MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n";
    var received =
        owner.postBytes(files + "?start=true", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    long id = received.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> owner.get(files + "/" + id).json().getString("status").equals("COMPLETED"));
    assertThat(owner.get(files + "/" + id + "/report").body()).contains("IYS001");

    String queue = ConsentFixture.consentsV2(business.iysCode(), business.brandCode()) + "/request";
    String list =
        "["
            + bulkConsent(queuedEmail, "EPOSTA", date)
            + ","
            + bulkConsent(queuedPhone, "MESAJ", date)
            + "]";
    var accepted = owner.postJson(queue, list);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String requestId = accepted.json().getString("requestId");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                owner.get(queue + "/" + requestId).structure().asJsonArray().stream()
                    .noneMatch(r -> r.asJsonObject().getString("status").equals("enqueue")));
    assertThat(owner.get(queue + "/" + requestId).body()).contains("IYS001");

    for (String announced : List.of(fileEmail, queuedEmail)) {
      assertThat(status(business.brandCode(), announced, "EPOSTA")).isEqualTo("ONAY");
      Matcher link = LINK.matcher(latestText(announced));
      assertThat(link.find()).as("a notice with a reject link to " + announced).isTrue();
      var used = http.anonymous().post(link.group(1), "application/json", "{}");
      assertThat(used.json().getString("outcome")).isEqualTo("REJECTED");
      assertThat(source(business.brandCode(), announced, "EPOSTA")).isEqualTo("IYS_EPOSTA");
    }

    String attempts =
        Businesses.staff(http).get("/api/staff/protected-rejections?limit=200").body();
    for (String refused : List.of(filePhone, queuedPhone)) {
      assertThat(attempts).contains(refused);
      assertThat(
              single(
                  "SELECT COUNT(*) FROM protected_rejection WHERE brand_code = "
                      + business.brandCode()
                      + " AND recipient = ?",
                  refused))
          .isEqualTo("1");
    }
  }

  @Test
  void citizenPageSendsACode() throws Exception {
    var page = http.anonymous().get("/citizen/index.xhtml");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("verify:address").contains("Send code");
  }

  @Test
  void citizenChangesConsentsInTheBrowser() throws Exception {
    CitizenScreens.citizenChangesConsentsInTheBrowser(http);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Http.Reply businessOnay(
      Businesses.ApprovedBusiness business, String recipient, String type, String evidence) {
    String consentDate = WIRE.format(LocalDateTime.now(TURKEY));
    String body =
        "{\"consentDate\":\""
            + consentDate
            + "\",\"source\":\"HS_WEB\",\"recipient\":\""
            + recipient
            + "\",\"status\":\"ONAY\",\"type\":\""
            + type
            + "\",\"recipientType\":\"BIREYSEL\""
            + (evidence == null ? "" : ",\"evidenceReference\":\"" + evidence + "\"")
            + "}";
    return http.withBearer(business.accessToken())
        .postJson(ConsentFixture.consents(business.iysCode(), business.brandCode()), body);
  }

  private String verify(String address, String token) throws SQLException {
    return confirmWithCode(address, token).getString("token");
  }

  private JsonObject confirmWithCode(String address, String token) throws SQLException {
    String id = start(address);
    var confirmed = confirm(id, latestCode(address), token);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    return confirmed.json();
  }

  private String start(String address) {
    var started = http.anonymous().postJson("/api/citizen/verifications", address(address));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().getString("id");
  }

  private Http.Reply confirm(String id, String code, String token) {
    Http client = token == null ? http.anonymous() : http.withBearer(token);
    return client.postJson(
        "/api/citizen/verifications/" + id + "/confirm", "{\"code\":\"" + code + "\"}");
  }

  private Http citizen(String token) {
    return http.withBearer(token);
  }

  private Http.Reply change(
      String token, String client, String recipient, int brandCode, String type, String status) {
    return citizen(token)
        .postJson(
            "/api/citizen/" + client + "consents",
            "{\"recipient\":\""
                + recipient
                + "\",\"brandCode\":"
                + brandCode
                + ",\"type\":\""
                + type
                + "\",\"status\":\""
                + status
                + "\"}");
  }

  private Http.Reply sms(String messageId, String from, String text) {
    return http.anonymous()
        .send(
            "POST",
            "/api/gateway/sms/inbound",
            "application/json",
            smsJson(messageId, from, text).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "X-Gateway-Secret",
            SMS_SECRET);
  }

  private static String smsJson(String messageId, String from, String text) {
    return "{\"messageId\":\""
        + messageId
        + "\",\"from\":\""
        + from
        + "\",\"text\":\""
        + text
        + "\"}";
  }

  private static String bulkConsent(String recipient, String type, String date) {
    return "{\"type\":\""
        + type
        + "\",\"source\":\"HS_WEB\",\"recipient\":\""
        + recipient
        + "\",\"status\":\"ONAY\",\"recipientType\":\"BIREYSEL\",\"consentDate\":\""
        + date
        + "\"}";
  }

  private static JsonObject only(JsonObject listed, int brandCode, String recipient, String type) {
    List<JsonObject> matches =
        listed.getJsonArray("list").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getInt("brandCode") == brandCode)
            .filter(c -> c.getString("recipient").equals(recipient))
            .filter(c -> c.getString("type").equals(type))
            .toList();
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }

  private static String address(String address) {
    return "{\"address\":\"" + address + "\"}";
  }

  private static String recipient(String address) {
    return "{\"recipient\":\"" + address + "\"}";
  }

  private static String code(JsonObject envelope) {
    return envelope.getJsonArray("errors").getJsonObject(0).getString("code");
  }

  private static String phone() {
    return "+90532" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  private static String email() {
    return "c" + Long.toHexString(RANDOM.nextLong()) + "@example.com";
  }

  private static String id() {
    return "m-" + Long.toHexString(RANDOM.nextLong());
  }

  private static String latestCode(String address) throws SQLException {
    Matcher code = CODE.matcher(latestText(address));
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  private static String latestText(String address) throws SQLException {
    return single(
        "SELECT text FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1", address);
  }

  private static String status(int brandCode, String recipient, String type) throws SQLException {
    return single(
        "SELECT status FROM consent WHERE brand_code = "
            + brandCode
            + " AND recipient = ?"
            + " AND type = '"
            + type
            + "'",
        recipient);
  }

  private static String source(int brandCode, String recipient, String type) throws SQLException {
    return single(
        "SELECT source FROM consent WHERE brand_code = "
            + brandCode
            + " AND recipient = ?"
            + " AND type = '"
            + type
            + "'",
        recipient);
  }

  private static int movements(int brandCode, String recipient) throws SQLException {
    return Integer.parseInt(
        single(
            "SELECT COUNT(*) FROM consent_movement WHERE brand_code = "
                + brandCode
                + " AND recipient = ?",
            recipient));
  }

  private static String single(String sql, String parameter) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as(sql).isTrue();
        return rows.getString(1);
      }
    }
  }
}
