package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
 * Bad input of every kind gets a clear, specific refusal: no WADL, no silently replaced bytes, the
 * reference's code for a body of the wrong shape, OAuth's shape on the token endpoint, messages
 * that say what happened and a consent file refused once for its header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiStrictnessIT {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final Charset LATIN5 = Charset.forName("ISO-8859-9");

  @ArquillianResource private URL deployment;

  private Businesses.ApprovedBusiness business;

  private Http http;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  @BeforeEach
  void client() {
    business = Businesses.approved(new Http(deployment));
    http = new Http(deployment).withBearer(business.accessToken());
  }

  @AfterEach
  void realTime() {
    http.delete("/api/test/clock");
  }

  @Test
  void optionsAnswersWithTheAllowedMethodsAndNeverWadl() {
    var consents = http.send("OPTIONS", consents(), null, new byte[0]);
    var applications =
        new Http(deployment).send("OPTIONS", "/api/businesses/applications", null, new byte[0]);
    var wadl = http.get("/api/application.wadl");

    for (var answer : List.of(consents, applications)) {
      assertThat(answer.status()).isIn(200, 204);
      assertThat(answer.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
      assertThat(answer.header("Content-Type").orElse("")).doesNotContain("xml");
      assertThat(answer.body()).doesNotContain("<?xml").doesNotContain("wadl");
    }
    assertThat(wadl.status()).isEqualTo(404);
    assertThat(wadl.body()).doesNotContain("<?xml");
  }

  @Test
  void jsonThatIsNotUtf8IsRefusedOnEveryJsonEndpoint() {
    byte[] latin5 =
        ("{\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"recipient\":\"şükrü@örnek.com\","
                + "\"status\":\"ONAY\",\"consentDate\":\"2025-06-18 13:00:00\","
                + "\"title\":\"Çağlar Ltd\"}")
            .getBytes(LATIN5);
    List<String> paths =
        List.of(
            consents(),
            consents() + "/status",
            consents() + "/request",
            "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/sending-check",
            "/api/sps/"
                + business.iysCode()
                + "/brands/"
                + business.brandCode()
                + "/push/registration",
            "/api/businesses/applications",
            "/api/complaints");

    for (String path : paths) {
      var refused = http.postBytes(path, "application/json", latin5);

      assertThat(refused.status()).as(path).isEqualTo(400);
      assertThat(codes(refused.json())).as(path).containsExactly("H014");
      assertThat(message(refused.json())).as(path).contains("UTF-8");
    }
  }

  @Test
  void wellFormedJsonOfTheWrongShapeGetsTheEndpointsOwnCode() {
    String push =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/push/registration";
    String check =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/sending-check";

    assertRefused(http.postJson(consents(), "[{}]"), 400, "H085");
    assertRefused(http.postJson(consents(), "\"consent\""), 400, "H085");
    assertRefused(http.postJson(consents(), "42"), 400, "H085");
    assertRefused(http.postJson(consents() + "/request", "{}"), 400, "H092");
    assertRefused(http.postJson(consents() + "/status", "[]"), 400, "H097");
    assertRefused(http.postJson(consents() + "/history", "\"x\""), 400, "H097");
    assertRefused(http.postJson(consents() + "/BIREYSEL/status/MESAJ", "[]"), 400, "H097");
    assertRefused(http.postJson("/api/businesses/applications", "\"x\""), 422, "IYS119");
    assertRefused(http.postJson("/api/complaints", "[]"), 422, "IYS119");
    assertRefused(http.postJson(check, "[]"), 422, "IYS119");
    assertRefused(
        http.postJson(check, "{\"type\":{\"a\":1},\"recipient\":\"+905321234567\"}"), 422, "H117");
    assertRefused(
        http.postJson(check + "/bulk", "{\"type\":\"MESAJ\",\"recipients\":1}"), 422, "H114");
    var pushArray = http.postJson(push, "[]");
    assertRefused(pushArray, 400, "H014");
    assertThat(message(pushArray.json())).contains("JSON object");

    var staff = Businesses.staff(http);
    assertRefused(staff.postJson("/api/staff/sanctions/999999999/confirm", "[]"), 422, "IYS119");
    assertRefused(
        staff.postJson("/api/staff/sanctions/999999999/confirm", "{\"reason\":7}"), 422, "IYS207");
    assertRefused(staff.putJson("/api/staff/fines/NO_CONSENT/2026/0", "\"x\""), 422, "IYS119");
    var textAmount = staff.putJson("/api/staff/fines/NO_CONSENT/2026/0", "{\"amount\":\"1000\"}");
    assertRefused(textAmount, 422, "IYS210");
    assertThat(message(textAmount.json())).contains("number");

    var numberForText =
        http.postJson(
            consents(),
            "{\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"recipient\":\"+905321234567\","
                + "\"status\":\"ONAY\",\"consentDate\":20250618}");
    assertThat(numberForText.status()).isBetween(400, 422);
    assertThat(codes(numberForText.json())).containsExactly("H158");
  }

  @Test
  void theTokenEndpointRefusesEveryBadBodyInOAuthsShape() {
    var anonymous = new Http(deployment);
    String token = "/api/oauth2/token";

    List<Http.Reply> refusals =
        List.of(
            anonymous.post(token, "application/x-www-form-urlencoded", "grant_type=pass%ZZword"),
            anonymous.postBytes(
                token,
                "application/x-www-form-urlencoded",
                "grant_type=password&username=şule".getBytes(LATIN5)),
            anonymous.post(
                token, "application/x-www-form-urlencoded", "{\"grant_type\":\"password\"}"),
            anonymous.postJson(token, "\"x\""),
            anonymous.postJson(token, "[\"grant_type\"]"),
            anonymous.postJson(token, "{\"grant_type\":"),
            anonymous.postJson(token, "{\"grant_type\":\"password\",\"username\":7}"),
            anonymous.post(token, "text/plain", "grant_type=password"),
            anonymous.send("POST", token, null, "grant_type=password".getBytes()));

    for (Http.Reply refused : refusals) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().getString("error")).as(refused.body()).isEqualTo("invalid_request");
      assertThat(refused.json().getString("error_description")).isNotBlank();
      assertThat(refused.json().containsKey("errors")).isFalse();
    }
  }

  @Test
  void anOnayAtTheSecondOfTheRecordedRetIsToldSoAndAnEarlierOneIsToldItIsEarlier() {
    LocalDateTime now =
        LocalDateTime.parse(http.get("/api/test/clock").json().getString("now"), WIRE);
    String granted = now.minusHours(3).format(WIRE);
    String rejected = now.minusHours(2).format(WIRE);
    String phone = "+90532" + (1000000 + (business.iysCode() % 9000000));
    assertThat(http.postJson(consents(), consent(phone, "ONAY", granted)).status()).isEqualTo(200);
    assertThat(http.postJson(consents(), consent(phone, "RET", rejected)).status()).isEqualTo(200);

    var same = http.postJson(consents(), consent(phone, "ONAY", rejected));
    var earlier = http.postJson(consents(), consent(phone, "ONAY", granted));

    assertRefused(same, 400, "H178");
    assertThat(message(same.json())).contains("same").doesNotContain("earlier");
    assertRefused(earlier, 400, "H178");
    assertThat(message(earlier.json())).contains("earlier");
  }

  @Test
  void limitsThatAreTooLargeNameTheirMaximum() {
    var history =
        http.send(
            "POST",
            consents() + "/history?limit=-1",
            "application/json",
            "{\"recipient\":\"+905321234567\",\"recipientType\":\"BIREYSEL\",\"type\":\"MESAJ\"}"
                .getBytes(StandardCharsets.UTF_8));
    var changes = http.get(consents() + "/changes?limit=1001");
    var staffList = Businesses.staff(http).get("/api/staff/protected-rejections?limit=501");

    assertRefused(history, 422, "H182");
    assertThat(message(history.json())).contains("100");
    assertRefused(changes, 422, "H507");
    assertThat(message(changes.json())).contains("1000");
    assertRefused(staffList, 422, "H182");
    assertThat(message(staffList.json())).contains("500");
  }

  @Test
  void aConsentFileWhoseHeaderIsNotRecognisedIsRefusedOnceForTheWholeFile() {
    String files =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files";
    String rows =
        "+905321234567;MESAJ;ONAY;HS_WEB;2025-06-18 13:00:00;BIREYSEL\r\n"
            + "+905321234568;MESAJ;ONAY;HS_WEB;2025-06-18 13:00:00;BIREYSEL\r\n";

    var headerless = http.postBytes(files, "text/csv", rows.getBytes(StandardCharsets.UTF_8));
    var turkish =
        http.postBytes(
            files,
            "text/csv",
            ("alıcı;tip;durum;kaynak;tarih;alıcı tipi\r\n" + rows).getBytes(LATIN5));
    var named =
        http.postBytes(
            files,
            "text/csv",
            ("recipient;type;status;source;consentDate;recipientType\r\n" + rows)
                .getBytes(StandardCharsets.UTF_8));

    assertRefused(headerless, 422, "IYS016");
    assertThat(headerless.json().getJsonArray("errors")).hasSize(1);
    assertThat(message(headerless.json()))
        .contains("recipient, type, status")
        .doesNotContain("905321234567");
    assertRefused(turkish, 422, "IYS016");
    assertThat(named.status()).as(named.body()).isEqualTo(201);
  }

  private String consents() {
    return ConsentFixture.consents(business.iysCode(), business.brandCode());
  }

  private static String consent(String phone, String status, String date) {
    return "{\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"recipient\":\""
        + phone
        + "\",\"status\":\""
        + status
        + "\",\"consentDate\":\""
        + date
        + "\"}";
  }

  private static void assertRefused(Http.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(codes(reply.json())).as(reply.body()).containsExactly(code);
  }

  private static List<String> codes(JsonObject envelope) {
    return envelope.getJsonArray("errors").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.getString("code"))
        .toList();
  }

  private static String message(JsonObject envelope) {
    return envelope.getJsonArray("errors").getJsonObject(0).getString("message");
  }
}
