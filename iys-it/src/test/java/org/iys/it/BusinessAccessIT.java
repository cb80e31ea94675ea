package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration, staff decisions, API users, OAuth2 tokens, access rules and rate limits. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BusinessAccessIT {

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
  void bodiesThatAreNotJsonObjectsAreRefusedClearlyNeverWithA500() {
    var array = http.postJson("/api/businesses/applications", "[]");
    var truncated = http.postJson("/api/businesses/applications", "{\"title\":");
    var scalar = http.postJson("/api/oauth2/token", "\"x\"");
    var complaint = http.postJson("/api/complaints", "[]");

    assertThat(array.status()).isEqualTo(422);
    assertThat(codes(array.json())).containsExactly("IYS119");
    assertThat(
            http.raw("POST", "/api/businesses/applications", "application/json", "[]").statusLine())
        .isEqualTo("HTTP/1.1 422 Unprocessable Entity");
    assertThat(truncated.status()).isEqualTo(400);
    assertThat(codes(truncated.json())).containsExactly("H014");
    assertThat(scalar.status()).isBetween(400, 422);
    assertThat(complaint.status()).isBetween(400, 422);
    assertThat(complaint.body()).startsWith("{\"errors\"");
  }

  @Test
  void aValidApplicationIsStoredAsPendingWithCanonicalContact() {
    long id = Businesses.applied(http);

    var read = Businesses.staff(http).get("/api/staff/businesses/applications/" + id).json();

    assertThat(read.getString("status")).isEqualTo("PENDING");
    assertThat(read.getString("email")).isEqualTo("basvuru@ornek.com.tr");
    assertThat(read.getString("phone")).isEqualTo("+902161234567");
  }

  @Test
  void everyBadFieldIsReportedWithItsOwnCode() {
    var refused =
        http.postJson(
            "/api/businesses/applications",
            """
            {"title":" ","taxNumber":"1234567891","mersisNumber":"12345",
             "address":"short","email":"not an e-mail","phone":"05321234567"}""");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(codes(refused.json()))
        .containsExactly("IYS101", "IYS102", "IYS103", "IYS104", "IYS105", "IYS106");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(1).getJsonArray("location"))
        .containsExactly(jakarta.json.Json.createValue("taxNumber"));
  }

  @Test
  void aSoleProprietorMayApplyWithAnIdentityNumber() {
    var created =
        http.postJson("/api/businesses/applications", Businesses.applicationJson("10000000146"));
    var wrongCheckDigit =
        http.postJson("/api/businesses/applications", Businesses.applicationJson("10000000147"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(codes(wrongCheckDigit.json())).containsExactly("IYS102");
  }

  @Test
  void approvalGivesAnIysCodeAndAMasterBrand() {
    var business = Businesses.approved(http);

    var detail = Businesses.staff(http).get("/api/staff/businesses/" + business.iysCode()).json();

    assertThat(business.iysCode()).isBetween(600001, 999999);
    var master = detail.getJsonArray("brands").getJsonObject(0);
    assertThat(master.getInt("brandCode")).isEqualTo(business.iysCode());
    assertThat(master.getBoolean("master")).isTrue();
  }

  @Test
  void rejectionNeedsAReasonAndADecidedApplicationCannotChange() {
    long id = Businesses.applied(http);
    var staff = Businesses.staff(http);
    String path = "/api/staff/businesses/applications/" + id;

    var noReason = staff.postJson(path + "/rejection", "{}");
    var rejected = staff.postJson(path + "/rejection", "{\"reason\":\"MERSIS kaydı bulunamadı\"}");
    var approvedAfterwards = staff.postJson(path + "/approval", "{}");

    assertThat(noReason.status()).isEqualTo(422);
    assertThat(codes(noReason.json())).containsExactly("IYS109");
    assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
    assertThat(http.get("/api/businesses/applications/" + id).json().getString("rejectionReason"))
        .isEqualTo("MERSIS kaydı bulunamadı");
    assertThat(approvedAfterwards.status()).isEqualTo(400);
    assertThat(codes(approvedAfterwards.json())).containsExactly("IYS108");
  }

  @Test
  void staffEndpointsNeedValidCredentialsAndTheRightRole() {
    long id = Businesses.applied(http);
    var admin = Businesses.staff(http);
    admin.postJson(
        "/api/staff/users",
        "{\"username\":\"operator-"
            + id
            + "\",\"password\":\"operator-password\","
            + "\"roles\":[\"operator\"]}");
    var operator = http.withBasic("operator-" + id, "operator-password");

    var anonymous = http.get("/api/staff/businesses/applications");
    var wrongPassword =
        http.withBasic("operator-" + id, "wrong-password")
            .get("/api/staff/businesses/applications");
    var operatorReads = operator.get("/api/staff/businesses/applications/" + id);
    var operatorApproves =
        operator.postJson("/api/staff/businesses/applications/" + id + "/approval", "{}");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(codes(anonymous.json())).containsExactly("IYS116");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(operatorReads.status()).isEqualTo(200);
    assertThat(operatorApproves.status()).isEqualTo(403);
    assertThat(codes(operatorApproves.json())).containsExactly("IYS117");
  }

  @Test
  void anOperatorIsRefusedEveryStaffStateChangeAndASupervisorStartsImports() {
    long id = Businesses.applied(http);
    var business = Businesses.approved(http);
    var admin = Businesses.staff(http);
    for (String role : List.of("operator", "supervisor")) {
      var made =
          admin.postJson(
              "/api/staff/users",
              "{\"username\":\"%s-changes-%d\",\"password\":\"%s-password\",\"roles\":[\"%s\"]}"
                  .formatted(role, id, role, role));
      assertThat(made.status()).isEqualTo(201);
    }
    var operator = http.withBasic("operator-changes-" + id, "operator-password");
    var supervisor = http.withBasic("supervisor-changes-" + id, "supervisor-password");
    String application = "/api/staff/businesses/applications/" + id;

    Map<String, Http.Reply> refusals = new java.util.LinkedHashMap<>();
    refusals.put("approval", operator.postJson(application + "/approval", "{}"));
    refusals.put(
        "rejection", operator.postJson(application + "/rejection", "{\"reason\":\"yok\"}"));
    refusals.put(
        "api user",
        operator.postJson(
            "/api/staff/businesses/" + business.iysCode() + "/api-users",
            "{\"username\":\"refused-" + id + "\",\"password\":\"refused-password-1\"}"));
    refusals.put(
        "staff account",
        operator.postJson(
            "/api/staff/users",
            "{\"username\":\"self-made-"
                + id
                + "\",\"password\":\"self-made-password\","
                + "\"roles\":[\"admin\"]}"));
    refusals.put("fine", operator.putJson("/api/staff/fines/63/2026/0", "{\"amount\":1000.00}"));
    refusals.put(
        "sanction confirmed",
        operator.postJson("/api/staff/sanctions/1/confirm", "{\"reason\":\"evet\"}"));
    refusals.put(
        "sanction dismissed",
        operator.postJson("/api/staff/sanctions/1/dismiss", "{\"reason\":\"hayır\"}"));
    refusals.put(
        "dead letter replayed",
        operator.post("/api/staff/complaints/dead-letters/any/replay", "application/json", ""));
    refusals.put(
        "nightly import started",
        operator.post("/api/staff/consent-files/nightly-run", "application/json", ""));

    refusals.forEach(
        (change, reply) -> {
          assertThat(reply.status()).as(change).isEqualTo(403);
          assertThat(codes(reply.json())).as(change).containsExactly("IYS117");
        });
    assertThat(admin.get(application).json().getString("status")).isEqualTo("PENDING");
    assertThat(admin.withBasic("self-made-" + id, "self-made-password").get(application).status())
        .isEqualTo(401);
    var started = supervisor.post("/api/staff/consent-files/nightly-run", "application/json", "");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().containsKey("started")).isTrue();
  }

  @Test
  void aBusinessAddsBrandsAndSeesThemWithFigures() {
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String brands = "/api/sps/" + business.iysCode() + "/brands";

    var added = api.postJson(brands, "{\"name\":\"Örnek Market\"}");
    var again = api.postJson(brands, "{\"name\":\"Örnek Market\"}");
    var list = api.get(brands);

    assertThat(added.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(400);
    assertThat(codes(again.json())).containsExactly("IYS112");
    var items = list.structure().asJsonArray();
    assertThat(items).hasSize(2);
    var master = items.getJsonObject(0);
    assertThat(master.getInt("brandCode")).isEqualTo(business.brandCode());
    assertThat(master.getBoolean("master")).isTrue();
    assertThat(master.getJsonObject("stats").getJsonObject("consents").getInt("total")).isZero();
    assertThat(items.getJsonObject(1).getInt("brandCode"))
        .isEqualTo(added.json().getInt("brandCode"));
  }

  @Test
  void theBusinessApiWantsAValidBearerToken() {
    var business = Businesses.approved(http);
    String brands = "/api/sps/" + business.iysCode() + "/brands";

    var none = http.get(brands);
    var forged = http.withBearer("not-a-token").get(brands);
    var v2 = http.get("/api/v2/sps/" + business.iysCode() + "/brands/1/consents");

    assertThat(none.status()).isEqualTo(401);
    assertThat(codes(none.json())).containsExactly("H351");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(v2.status()).isEqualTo(401);
  }

  @Test
  void aTokenReachesOnlyItsOwnBusiness() {
    var mine = Businesses.approved(http);
    var theirs = Businesses.approved(http);

    var other = http.withBearer(mine.accessToken()).get("/api/sps/" + theirs.iysCode() + "/brands");
    var missing = http.withBearer(mine.accessToken()).get("/api/sps/999998/brands");

    assertThat(other.status()).isEqualTo(403);
    assertThat(codes(other.json())).containsExactly("H353");
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.body()).isEqualTo(other.body());
  }

  @Test
  void passwordGrantWorksWithJsonAndRefreshRotatesTheTokens() {
    var business = Businesses.approved(http);

    var json =
        http.postJson(
            "/api/oauth2/token",
            "{\"grant_type\":\"password\",\"username\":\""
                + business.apiUsername()
                + "\",\"password\":\""
                + Businesses.API_PASSWORD
                + "\"}");
    var refreshed =
        http.postForm(
            "/api/oauth2/token",
            Map.of("grant_type", "refresh_token", "refresh_token", business.refreshToken()));
    var replayed =
        http.postJson(
            "/api/oauth2/token",
            "{\"grant_type\":\"refresh_token\",\"refresh_token\":\""
                + business.refreshToken()
                + "\"}");

    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().getInt("expires_in")).isEqualTo(7200);
    assertThat(json.json().getInt("refresh_expires_in")).isEqualTo(14400);
    assertThat(json.json().getString("token_type")).isEqualTo("bearer");
    assertThat(refreshed.status()).isEqualTo(200);
    String newAccess = refreshed.json().getString("access_token");
    assertThat(refreshed.json().getString("refresh_token")).isNotEqualTo(business.refreshToken());
    assertThat(
            http.withBearer(newAccess).get("/api/sps/" + business.iysCode() + "/brands").status())
        .isEqualTo(200);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.json().getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void tokenErrorsUseTheOAuthShape() {
    var business = Businesses.approved(http);

    var noGrant = http.postJson("/api/oauth2/token", "{}");
    var unknownGrant =
        http.postForm("/api/oauth2/token", Map.of("grant_type", "client_credentials"));
    var wrongPassword =
        http.postForm(
            "/api/oauth2/token",
            Map.of("grant_type", "password", "username", business.apiUsername(), "password", "x"));

    assertThat(noGrant.status()).isEqualTo(400);
    assertThat(noGrant.json().getString("error")).isEqualTo("invalid_request");
    assertThat(noGrant.json().getString("error_description")).isNotBlank();
    assertThat(unknownGrant.json().getString("error")).isEqualTo("invalid_request");
    assertThat(wrongPassword.status()).isEqualTo(400);
    assertThat(wrongPassword.json().getString("error")).isEqualTo("invalid_request");
  }

  @Test
  void expiredTokensAreRefused() throws Exception {
    var business = Businesses.approved(http);
    expireInDatabase(business.accessToken());
    expireInDatabase(business.refreshToken());

    var call =
        http.withBearer(business.accessToken()).get("/api/sps/" + business.iysCode() + "/brands");
    var refresh =
        http.postForm(
            "/api/oauth2/token",
            Map.of("grant_type", "refresh_token", "refresh_token", business.refreshToken()));

    assertThat(call.status()).isEqualTo(401);
    assertThat(refresh.status()).isEqualTo(400);
    assertThat(refresh.json().getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void tooManyRequestsPerSecondAnswer429() {
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    // arquillian.xml allows 200 a second per API user. The filter charges a request before the
    // path is matched, so requests for a path that does not exist cost the server almost nothing
    // and outrun the allowance even on a slow machine; batches go on until one is refused.
    List<Http.Reply> replies = new ArrayList<>();
    for (int batch = 0; batch < 10 && replies.stream().noneMatch(r -> r.status() == 429); batch++) {
      List<CompletableFuture<Http.Reply>> inFlight = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        inFlight.add(api.getAsync("/api/sps/" + business.iysCode() + "/no-such-thing"));
      }
      inFlight.stream().map(CompletableFuture::join).forEach(replies::add);
    }

    var limited = replies.stream().filter(r -> r.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(codes(limited.get(0).json())).containsExactly("H124");
    assertThat(limited.get(0).header("Retry-After")).contains("1");
    assertThat(replies).allMatch(r -> r.status() == 404 || r.status() == 429);
  }

  @Test
  void tooManyTokenRequestsPerHourAnswer429() {
    var business = Businesses.approved(http);
    var form =
        Map.of(
            "grant_type",
            "password",
            "username",
            business.apiUsername(),
            "password",
            Businesses.API_PASSWORD);

    // arquillian.xml allows 20 an hour per client address and account; the fixture spent one.
    Http.Reply last = null;
    for (int i = 0; i < 20; i++) {
      last = http.postForm("/api/oauth2/token", form);
    }

    assertThat(last.status()).isEqualTo(429);
    assertThat(codes(last.json())).containsExactly("H084");
    // 20 an hour refill one every three minutes: that is the wait, not a whole hour.
    assertThat(Long.parseLong(last.header("Retry-After").orElseThrow())).isBetween(1L, 180L);
    String encoded =
        "grant_type=password&username="
            + java.net.URLEncoder.encode(business.apiUsername(), StandardCharsets.UTF_8)
            + "&password="
            + java.net.URLEncoder.encode(Businesses.API_PASSWORD, StandardCharsets.UTF_8);
    var raw = http.raw("POST", "/api/oauth2/token", "application/x-www-form-urlencoded", encoded);
    assertThat(raw.statusLine()).isEqualTo("HTTP/1.1 429 Too Many Requests");
    assertThat(raw.headers()).containsKey("retry-after");
  }

  private static List<String> codes(JsonObject envelope) {
    return envelope.getJsonArray("errors").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.getString("code"))
        .toList();
  }

  private static void expireInDatabase(String token) throws Exception {
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    try (var connection =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var update =
            connection.prepareStatement(
                "UPDATE oauth_token SET expires_at = '2020-01-01 00:00:00' WHERE token_hash = ?")) {
      update.setString(1, hash);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
