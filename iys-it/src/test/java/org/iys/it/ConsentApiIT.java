package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ConsentFixture.consents;
import static org.iys.it.ConsentFixture.consentsV2;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
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
 * The consent API end to end, on Payara Micro with MariaDB and Artemis: every shared case, then the
 * behaviour the cases do not pin down. Each test uses its own brand or addresses, so the order of
 * the tests does not matter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentApiIT {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PHONE = Pattern.compile("\\+90([1-9][0-9]{2})[0-9]{7}");
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9.]+)@([A-Za-z0-9.]+)");
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  @ArquillianResource private URL deployment;

  private Http http;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  private Businesses.ApprovedBusiness business;

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
  void everySharedCaseGetsTheAnswerItExpects() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    List<JsonObject> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(32);
    for (int n = 0; n < cases.size(); n++) {
      runCase(cases.get(n), n + 1, softly);
    }
    softly.assertAll();
  }

  private void runCase(JsonObject c, int number, SoftAssertions softly) {
    String id = c.getString("id");
    Map<String, String> substitutes = new HashMap<>();
    String base = consents(business.iysCode(), business.brandCode());
    String now = c.getString("now");

    for (JsonValue given : c.getJsonArray("given")) {
      JsonObject movement = distinct((JsonObject) given, number, substitutes);
      setClock(
          movement.containsKey("consentDate")
              ? plusMinutes(movement.getString("consentDate"), 1)
              : plusMinutes(now, -60));
      var stored = http.postJson(base, movement.toString());
      softly.assertThat(stored.status()).as(id + " given movement").isEqualTo(200);
    }

    setClock(now);
    boolean bulk = c.getBoolean("bulk", false);
    JsonValue request = c.get("request");
    String body =
        bulk
            ? distinctAll(request.asJsonArray(), number, substitutes).toString()
            : distinct(request.asJsonObject(), number, substitutes).toString();
    var reply = http.postJson(bulk ? base + "/request" : base, body);
    JsonObject expect = c.getJsonObject("expect");

    softly
        .assertThat(reply.status())
        .as(id + " status: " + reply.body())
        .isEqualTo(expect.getInt("http"));
    if (expect.containsKey("codes")) {
      softly.assertThat(codesWithIndex(reply)).as(id + " codes").isEqualTo(expectedCodes(expect));
    }
    if (expect.getBoolean("ok", false) && !bulk && reply.status() == 200) {
      softly.assertThat(reply.json().getString("transactionId")).as(id).matches(HEX64);
      softly.assertThat(reply.json().getString("creationDate")).as(id).isEqualTo(now);
    }
    if (bulk && expect.containsKey("items") && reply.status() == 202) {
      String requestId = reply.json().getString("requestId");
      JsonArray results = awaitResults(base, requestId);
      for (JsonValue item : expect.getJsonArray("items")) {
        JsonObject want = item.asJsonObject();
        JsonObject got = results.getJsonObject(want.getInt("index"));
        softly
            .assertThat(got.getString("status"))
            .as(id + " item")
            .isEqualTo(want.getString("status"));
        if (want.containsKey("code")) {
          softly
              .assertThat(got.getJsonObject("error").getString("code"))
              .as(id)
              .isEqualTo(want.getString("code"));
        }
      }
    }
    if ("C07".equals(id)) {
      String stored = distinct(request.asJsonObject(), number, substitutes).getString("recipient");
      var status =
          http.postJson(
              base + "/status",
              "{\"recipient\":\""
                  + stored.toUpperCase(Locale.ROOT)
                  + "\",\"recipientType\":\"BIREYSEL\",\"type\":\"EPOSTA\"}");
      softly
          .assertThat(status.json().getString("recipient"))
          .as(id)
          .isEqualTo(stored.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void v2AnswersARepeatedBodyWithTheFirstTransaction() {
    setClock("2025-06-18 14:00:00");
    String path = consentsV2(business.iysCode(), business.brandCode());
    String body = consent("+905330000001", "ONAY", "2025-06-18 13:00:00");
    String reordered =
        "{\"consentDate\":\"2025-06-18 13:00:00\",\"status\":\"ONAY\",\"type\":\"MESAJ\","
            + "\"recipient\":\"+905330000001\",\"source\":\"HS_WEB\"}";

    var first = http.postJson(path, body);
    var again = http.postJson(path, reordered);
    String later = consent("+905330000001", "ONAY", "2025-06-18 13:05:00");
    var other = http.postJson(path, later);
    var v1Once = http.postJson(consents(business.iysCode(), business.brandCode()), later);
    var v1Twice = http.postJson(consents(business.iysCode(), business.brandCode()), later);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.json().getString("transactionId"))
        .isEqualTo(first.json().getString("transactionId"));
    assertThat(again.json().getString("creationDate"))
        .isEqualTo(first.json().getString("creationDate"));
    assertThat(other.json().getString("transactionId"))
        .isNotEqualTo(first.json().getString("transactionId"));
    assertThat(v1Twice.json().getString("transactionId"))
        .isNotEqualTo(v1Once.json().getString("transactionId"));
    assertThat(
            history(business.iysCode(), "+905330000001", "MESAJ")
                .getJsonObject("pagination")
                .getInt("totalCount"))
        .isEqualTo(4);
  }

  @Test
  void bulkResultsReadPerItemInBothVersions() {
    setClock("2025-06-18 14:00:00");
    int brand = business.iysCode();
    String single = consent("+905330000010", "ONAY", "2025-06-18 13:00:00");
    String singleTx =
        http.postJson(consentsV2(brand, brand), single).json().getString("transactionId");
    String list =
        "["
            + single
            + ","
            + consent("+905330000011", "ONAY", "2025-06-18 13:00:00")
            + ","
            + consent("+905330000012", "RET", "2025-06-18 13:00:00")
            + "]";

    var accepted = http.postJson(consentsV2(brand, brand) + "/request", list);

    assertThat(accepted.status()).isEqualTo(202);
    JsonObject answer = accepted.json();
    assertThat(answer.getJsonArray("subRequests")).hasSize(3);
    assertThat(answer.getJsonArray("subRequests").getJsonObject(1).getString("subRequestId"))
        .isNotBlank();
    String requestId = answer.getString("requestId");
    JsonArray v2 = awaitResults(consentsV2(brand, brand), requestId);
    assertThat(v2.getJsonObject(0).getString("transactionId")).isEqualTo(singleTx);
    assertThat(v2.getJsonObject(0).getBoolean("isAddConsentV2Service")).isTrue();
    assertThat(v2.getJsonObject(1).getString("status")).isEqualTo("success");
    assertThat(v2.getJsonObject(1).getString("transactionId")).matches(HEX64);
    assertThat(v2.getJsonObject(1).getString("creationDate")).isEqualTo("2025-06-18 14:00:00");
    assertThat(v2.getJsonObject(2).getString("status")).isEqualTo("failure");
    assertThat(v2.getJsonObject(2).getJsonObject("error").getString("code")).isEqualTo("H175");

    JsonArray v1 =
        http.get(consents(brand, brand) + "/request/" + requestId).structure().asJsonArray();
    assertThat(v1.getJsonObject(0).containsKey("isAddConsentV2Service")).isFalse();
    assertThat(v1.getJsonObject(1).getString("requestId")).isEqualTo(requestId);

    assertThat(http.get(consents(brand, brand) + "/request/" + java.util.UUID.randomUUID()).body())
        .isEqualTo("[]");
    var other = Businesses.approved(new Http(deployment));
    var otherHttp = new Http(deployment).withBearer(other.accessToken());
    String otherBase = consents(other.iysCode(), other.brandCode());
    assertThat(otherHttp.get(otherBase + "/request/" + requestId).body()).isEqualTo("[]");
    assertThat(codes(http.get(consents(brand, brand) + "/request/abcde"))).contains("H199");
    assertThat(codes(http.get(consents(brand, brand) + "/request/12345"))).contains("H400");
  }

  // The request as the server stores it before handing its slices to the broker, with the slice
  // messages lost (a crash between the database's commit and the broker's); the server's resend,
  // every two minutes, finishes it.
  @Test
  void aBulkRequestWhoseSlicesWereLostIsFinishedAfterwards() throws Exception {
    String requestId = java.util.UUID.randomUUID().toString();
    try (var connection =
        java.sql.DriverManager.getConnection(
            TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD)) {
      try (var request =
          connection.prepareStatement(
              "INSERT INTO consent_request (request_id, iys_code, brand_code, api_version,"
                  + " submitted_at, item_count)"
                  + " VALUES (?, ?, ?, 1, UTC_TIMESTAMP() - INTERVAL 10 MINUTE, 3)")) {
        request.setString(1, requestId);
        request.setInt(2, business.iysCode());
        request.setInt(3, business.brandCode());
        request.executeUpdate();
      }
      try (var item =
          connection.prepareStatement(
              "INSERT INTO consent_request_item (request_id, item_index, subrequest_id,"
                  + " recipient, recipient_type, type, status, source, consent_date, outcome)"
                  + " VALUES (?, ?, UUID(), ?, 'BIREYSEL', 'MESAJ', 'ONAY', 'HS_WEB',"
                  + " UTC_TIMESTAMP() - INTERVAL 1 HOUR, 'enqueue')")) {
        for (int index = 0; index < 3; index++) {
          item.setString(1, requestId);
          item.setInt(2, index);
          item.setString(3, "+90533001200" + index);
          item.addBatch();
        }
        item.executeBatch();
      }
    }

    String status = consents(business.iysCode(), business.brandCode()) + "/request/" + requestId;
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(5))
        .until(
            () ->
                http.get(status).structure().asJsonArray().stream()
                    .allMatch(r -> r.asJsonObject().getString("status").equals("success")));
    assertThat(http.get(status).structure().asJsonArray()).hasSize(3);
    assertThat(
            http.postJson(
                    consents(business.iysCode(), business.brandCode()) + "/status",
                    "{\"recipient\":\"+905330012002\",\"type\":\"MESAJ\","
                        + "\"recipientType\":\"BIREYSEL\"}")
                .json()
                .getString("status"))
        .isEqualTo("ONAY");
  }

  @Test
  void aThousandItemsAreAcceptedAndMoreAreRefused() {
    setClock("2025-06-18 14:00:00");
    int brand = business.iysCode();
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) {
      list.append(i == 0 ? "" : ",")
          .append(consent(phone(20_000 + i), "ONAY", "2025-06-18 13:00:00"));
    }
    String tooMany = list + "]";
    String thousand = tooMany.substring(0, tooMany.lastIndexOf(",{")) + "]";

    var refused = http.postJson(consents(brand, brand) + "/request", tooMany);
    var accepted = http.postJson(consents(brand, brand) + "/request", thousand);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(codes(refused)).containsExactly("H091");
    assertThat(accepted.status()).isEqualTo(202);
    JsonArray results =
        awaitResults(consents(brand, brand), accepted.json().getString("requestId"));
    assertThat(results).hasSize(1000);
    assertThat(results.stream().map(r -> r.asJsonObject().getString("status")).distinct())
        .containsExactly("success");
  }

  @Test
  void statusOfOneAndOfMany() {
    setClock("2025-06-18 14:00:00");
    int brand = business.iysCode();
    String base = consents(brand, brand);
    http.postJson(base, consent("+905330000101", "ONAY", "2025-06-18 13:00:00"));
    http.postJson(base, consent("+905330000102", "ONAY", "2025-06-18 13:00:00"));
    http.postJson(base, consent("+905330000103", "ONAY", "2025-06-18 13:00:00"));
    http.postJson(base, consent("+905330000103", "RET", "2025-06-18 13:30:00"));

    var one = http.postJson(base + "/status", key("+905330000101", "MESAJ"));
    var none = http.postJson(base + "/status", key("+905330000199", "MESAJ"));
    var many =
        http.postJson(
            base + "/BIREYSEL/status/MESAJ",
            "{\"recipients\":[\"+905330000103\",\"+905330000102\",\"+905330000101\","
                + "\"+905330000199\"]}");
    var repeated =
        http.postJson(
            base + "/BIREYSEL/status/MESAJ",
            "{\"recipients\":[\"+905330000101\",\"+905330000101\"]}");
    var badType = http.postJson(base + "/BIREYSELL/status/MESAJ", "{\"recipients\":[]}");

    assertThat(one.status()).isEqualTo(200);
    JsonObject status = one.json();
    assertThat(status.getString("status")).isEqualTo("ONAY");
    assertThat(status.getString("consentDate")).isEqualTo("2025-06-18 13:00:00");
    assertThat(status.getString("creationDate")).isEqualTo("2025-06-18 14:00:00");
    assertThat(status.getString("source")).isEqualTo("HS_WEB");
    assertThat(status.getString("transactionId")).matches(HEX64);
    assertThat(status.getInt("retailerAccessCount")).isZero();
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json()).isEmpty();
    assertThat(many.json().getJsonArray("list").getValuesAs(JsonString::getString))
        .containsExactly("+905330000102", "+905330000101");
    assertThat(many.json().getString("requestId")).isNotBlank();
    assertThat(repeated.status()).isEqualTo(422);
    assertThat(codes(repeated)).containsExactly("H193");
    assertThat(codes(badType)).containsExactly("H116");
    assertThat(codes(http.postJson(base + "/status", "{\"recipient\":\"+905330000101\"}")))
        .contains("H170", "H111");
  }

  @Test
  void historyListsNewestConsentFirstWithPagination() {
    setClock("2025-06-18 14:00:00");
    int brand = business.iysCode();
    String base = consents(brand, brand);
    http.postJson(base, consent("+905330000201", "ONAY", "2025-06-18 09:00:00"));
    http.postJson(base, consent("+905330000201", "RET", "2025-06-18 10:00:00"));
    http.postJson(base, consent("+905330000201", "ONAY", "2025-06-18 11:00:00"));

    JsonObject page = history(brand, "+905330000201", "MESAJ");
    var second = http.postJson(base + "/history?limit=1&offset=1", key("+905330000201", "MESAJ"));

    assertThat(
            page.getJsonArray("list").stream().map(m -> m.asJsonObject().getString("consentDate")))
        .containsExactly("2025-06-18 11:00:00", "2025-06-18 10:00:00", "2025-06-18 09:00:00");
    assertThat(page.getJsonObject("pagination").getInt("totalCount")).isEqualTo(3);
    assertThat(second.json().getJsonArray("list").getJsonObject(0).getString("status"))
        .isEqualTo("RET");
    assertThat(codes(http.postJson(base + "/history?limit=101", key("+905330000201", "MESAJ"))))
        .containsExactly("H186");
    assertThat(codes(http.postJson(base + "/history?limit=0", key("+905330000201", "MESAJ"))))
        .containsExactly("H187");
  }

  @Test
  void changesArePulledWithCursorEmbargoWindowAndSource() {
    int brand = business.iysCode();
    String base = consents(brand, brand);
    setClock("2025-06-18 10:00:00");
    http.postJson(base, consent("+905330000301", "ONAY", "2025-06-18 09:00:00"));
    setClock("2025-06-18 10:00:10");
    http.postJson(base, consent("+905330000302", "ONAY", "2025-06-18 09:00:00"));
    setClock("2025-06-18 10:00:20");
    http.postJson(base, consent("+905330000303", "ONAY", "2025-06-18 09:00:00"));

    setClock("2025-06-18 10:30:00");
    assertThat(http.get(base + "/changes?source=HS").status()).isEqualTo(204);

    setClock("2025-06-18 11:00:15");
    var early = http.get(base + "/changes?source=HS");
    assertThat(early.json().getJsonArray("list")).hasSize(2);

    setClock("2025-06-18 12:00:00");
    var first = http.get(base + "/changes?source=HS&limit=2");
    JsonObject page = first.json();
    assertThat(page.getJsonArray("list").stream().map(m -> m.asJsonObject().getString("recipient")))
        .containsExactly("+905330000301", "+905330000302");
    String after = page.getString("after");
    assertThat(after).matches("[0-9]+_[0-9a-f]{64}");
    assertThat(after)
        .endsWith(page.getJsonArray("list").getJsonObject(1).getString("transactionId"));
    var next = http.get(base + "/changes?source=HS&after=" + after);
    assertThat(next.json().getJsonArray("list").getJsonObject(0).getString("recipient"))
        .isEqualTo("+905330000303");
    assertThat(
            http.get(base + "/changes?source=HS&after=" + next.json().getString("after")).status())
        .isEqualTo(204);
    assertThat(http.get(base + "/changes").status()).as("IYS by default").isEqualTo(204);

    setClock("2025-06-25 10:00:05");
    assertThat(http.get(base + "/changes?source=HS").json().getJsonArray("list")).hasSize(2);
    setClock("2025-06-26 12:00:00");
    assertThat(http.get(base + "/changes?source=HS").status()).isEqualTo(204);

    assertThat(codes(http.get(base + "/changes?source=XX"))).containsExactly("H506");
    assertThat(codes(http.get(base + "/changes?limit=1001"))).containsExactly("H507");
    assertThat(codes(http.get(base + "/changes?limit=0"))).containsExactly("H507");
    assertThat(codes(http.get(base + "/changes?after=yesterday"))).containsExactly("IYS003");
  }

  @Test
  void badBodiesGetAClearRefusalInTheEnvelope() {
    String base = consents(business.iysCode(), business.brandCode());
    byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');

    var malformed = http.postJson(base, "{\"type\":");
    var duplicate = http.postJson(base, "{\"type\":\"MESAJ\",\"type\":\"ARAMA\"}");
    var notJson = http.send("POST", base, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    var noType = http.send("POST", base, null, "{}".getBytes(StandardCharsets.UTF_8));
    var nested = http.send("POST", base + "/request", "application/json", deep);
    var oversized = http.send("POST", base + "/request", "application/json", huge);
    var emptyBody = http.postJson(base, "");
    var array = http.postJson(base, "[]");
    var wrongMethod = http.send("DELETE", base, null, new byte[0]);
    var noSuchPath = http.get("/api/sps/710007/brands/710007/nothing");
    var notANumber = http.get("/api/sps/abc/brands/710007/consents/changes");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(codes(malformed)).containsExactly("H014");
    assertThat(codes(duplicate)).containsExactly("H014");
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(codes(notJson)).containsExactly("IYS005");
    assertThat(noType.status()).isEqualTo(415);
    assertThat(nested.status()).isEqualTo(400);
    assertThat(codes(nested)).containsExactly("IYS007");
    assertThat(oversized.status()).isEqualTo(413);
    assertThat(codes(oversized)).containsExactly("IYS006");
    assertThat(codes(emptyBody)).containsExactly("H014");
    assertThat(codes(array)).containsExactly("H085");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(codes(wrongMethod)).containsExactly("IYS009");
    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(codes(noSuchPath)).containsExactly("IYS008");
    assertThat(notANumber.status()).isEqualTo(404);
    for (var reply : List.of(malformed, notJson, nested, oversized, wrongMethod, noSuchPath)) {
      assertThat(reply.body()).doesNotContain("<html", "Exception", "org.iys");
    }
  }

  @Test
  void parallelMovementsOnOneKeyAreSerialised() throws Exception {
    setClock("2025-06-18 14:00:00");
    int brand = business.iysCode();
    String base = consents(brand, brand);
    int parallel = 16;

    List<Http.Reply> firsts =
        inParallel(
            parallel,
            i -> http.postJson(base, consent("+905330000401", "ONAY", "2025-06-18 13:00:00")));
    assertThat(firsts).extracting(Http.Reply::status).containsOnly(200);
    assertThat(
            history(brand, "+905330000401", "MESAJ")
                .getJsonObject("pagination")
                .getInt("totalCount"))
        .isEqualTo(parallel);

    List<Http.Reply> rejections =
        inParallel(
            parallel,
            i -> http.postJson(base, consent("+905330000401", "RET", "2025-06-18 13:30:00")));
    assertThat(rejections.stream().filter(r -> r.status() == 200)).hasSize(1);
    assertThat(
            rejections.stream().filter(r -> r.status() == 400 && codes(r).equals(List.of("H174"))))
        .hasSize(parallel - 1);

    List<Http.Reply> mixed =
        inParallel(
            parallel,
            i ->
                http.postJson(
                    base,
                    consent(
                        "+905330000402",
                        i % 2 == 0 ? "ONAY" : "RET",
                        "2025-06-18 13:0" + (i % 10) + ":00")));
    assertThat(mixed).extracting(Http.Reply::status).doesNotContain(500);
    JsonArray movements = history(brand, "+905330000402", "MESAJ").getJsonArray("list");
    assertThat(movements.size())
        .isEqualTo((int) mixed.stream().filter(r -> r.status() == 200).count());
    List<JsonObject> oldestFirst = new ArrayList<>();
    movements.forEach(m -> oldestFirst.add(0, m.asJsonObject()));
    assertThat(oldestFirst.get(0).getString("status")).isEqualTo("ONAY");
    for (int i = 1; i < oldestFirst.size(); i++) {
      boolean bothRet =
          oldestFirst.get(i).getString("status").equals("RET")
              && oldestFirst.get(i - 1).getString("status").equals("RET");
      assertThat(bothRet).as("two rejections in a row").isFalse();
    }
    var status = http.postJson(base + "/status", key("+905330000402", "MESAJ")).json();
    assertThat(status.getString("transactionId"))
        .isEqualTo(oldestFirst.get(oldestFirst.size() - 1).getString("transactionId"));
  }

  private List<Http.Reply> inParallel(int count, java.util.function.IntFunction<Http.Reply> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit((Callable<Http.Reply>) () -> call.apply(n)));
      }
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonObject history(int brand, String recipient, String type) {
    return http.postJson(consents(brand, brand) + "/history", key(recipient, type)).json();
  }

  private JsonArray awaitResults(String base, String requestId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                http.get(base + "/request/" + requestId).structure().asJsonArray().stream()
                    .noneMatch(r -> r.asJsonObject().getString("status").equals("enqueue")));
    return http.get(base + "/request/" + requestId).structure().asJsonArray();
  }

  private void setClock(String now) {
    var set = http.putJson("/api/test/clock", "{\"now\":\"" + now + "\"}");
    assertThat(set.status()).as("clock set: " + set.body()).isEqualTo(200);
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

  private static String key(String recipient, String type) {
    return "{\"recipient\":\""
        + recipient
        + "\",\"recipientType\":\"BIREYSEL\",\"type\":\""
        + type
        + "\"}";
  }

  private static String phone(int n) {
    return String.format(Locale.ROOT, "+90533%07d", n);
  }

  private static List<String> codes(Http.Reply reply) {
    JsonObject body = reply.json();
    List<String> codes = new ArrayList<>();
    for (JsonValue error : body.getJsonArray("errors")) {
      codes.add(error.asJsonObject().getString("code"));
    }
    return codes;
  }

  private static Set<String> codesWithIndex(Http.Reply reply) {
    Set<String> codes = new HashSet<>();
    for (JsonValue error : reply.json().getJsonArray("errors")) {
      JsonObject e = error.asJsonObject();
      codes.add(e.getString("code") + (e.containsKey("index") ? "@" + e.getInt("index") : ""));
    }
    return codes;
  }

  private static Object expectedCodes(JsonObject expect) {
    Set<String> codes = new HashSet<>();
    for (JsonValue code : expect.getJsonArray("codes")) {
      if (code instanceof JsonString text) {
        codes.add(text.getString());
      } else {
        JsonObject c = code.asJsonObject();
        codes.add(c.getString("code") + "@" + c.getInt("index"));
      }
    }
    return codes;
  }

  // Valid addresses get a variant unique to the case, so stored cases never meet each other;
  // invalid ones stay as they are, because their fault is what the case is about.
  private static JsonObject distinct(JsonObject movement, int number, Map<String, String> subs) {
    if (!(movement.get("recipient") instanceof JsonString recipient)) {
      return movement;
    }
    String original = recipient.getString();
    String replacement = subs.computeIfAbsent(original, o -> substitute(o, number, subs.size()));
    return Json.createObjectBuilder(movement).add("recipient", replacement).build();
  }

  private static JsonArray distinctAll(JsonArray list, int number, Map<String, String> subs) {
    var out = Json.createArrayBuilder();
    list.forEach(item -> out.add(distinct(item.asJsonObject(), number, subs)));
    return out.build();
  }

  private static String substitute(String original, int number, int seen) {
    Matcher phone = PHONE.matcher(original);
    if (phone.matches()) {
      return String.format(Locale.ROOT, "+90%s5%02d%04d", phone.group(1), number, seen + 1000);
    }
    Matcher email = EMAIL.matcher(original);
    if (email.matches()) {
      return "c" + number + "." + email.group(1) + "@" + email.group(2);
    }
    return original;
  }

  private static String plusMinutes(String wire, int minutes) {
    return LocalDateTime.parse(wire, WIRE).plusMinutes(minutes).format(WIRE);
  }

  private static List<JsonObject> cases() throws IOException {
    List<JsonObject> cases = new ArrayList<>();
    try (InputStream in = ConsentApiIT.class.getResourceAsStream("/cases/consent-rules.jsonl")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          cases.add(Json.createReader(new StringReader(line)).readObject());
        }
      }
    }
    return cases;
  }
}
