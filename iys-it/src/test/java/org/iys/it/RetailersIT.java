package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ConsentFixture.consents;
import static org.iys.it.ConsentFixture.consentsV2;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retailers, retailer access to consents and the subscription query end to end, on the reference's
 * paths: each endpoint's answer, its refusals, and that a consent add naming a retailer the brand
 * does not have is refused. Every test uses its own business.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetailersIT {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

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

  @Test
  void aRetailerIsCreatedReadListedAndDeleted() {
    var created = http.postJson(retailers(), retailer("10000000146", "XYZ Ticaret"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    int code = created.json().getInt("retailerCode");
    assertThat(String.valueOf(code)).matches("[1-9][0-9]{7}");

    var one = http.get(retailers() + "/" + code);
    assertThat(one.status()).isEqualTo(200);
    JsonObject read = one.json();
    assertThat(read.getString("title")).isEqualTo("XYZ Ticaret");
    assertThat(read.getString("tckn")).isEqualTo("10000000146");
    assertThat(read.getString("tin")).isEqualTo("8450525470");
    assertThat(read.getString("mobile")).isEqualTo("+905325001111");
    assertThat(read.getJsonObject("city").getString("name")).isEqualTo("İstanbul");
    assertThat(read.getJsonObject("town").getString("code")).isEqualTo("01");
    assertThat(read.getString("status")).isEqualTo("active");
    assertThat(read.getInt("retailerAccessCount")).isZero();
    assertThat(read.getInt("retailerCode")).isEqualTo(code);

    var brands = http.get("/api/sps/" + business.iysCode() + "/brands");
    assertThat(
            brands
                .structure()
                .asJsonArray()
                .getJsonObject(0)
                .getJsonObject("stats")
                .getJsonObject("retailers")
                .getInt("total"))
        .isEqualTo(1);

    var deleted = http.delete(retailers() + "/" + code);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(codes(http.get(retailers() + "/" + code))).containsExactly("H058");
    var again = http.delete(retailers() + "/" + code);
    assertThat(again.status()).isEqualTo(404);
    assertThat(codes(again)).containsExactly("H058");
    assertThat(codes(http.get(retailers() + "/abc"))).containsExactly("H058");
  }

  @Test
  void theListIsPagedAtMost100AtATime() {
    List<Integer> codes = new ArrayList<>();
    for (String tckn : List.of("10000000146", "12345678950", "57603411276")) {
      codes.add(
          http.postJson(retailers(), retailer(tckn, "Bayi " + tckn)).json().getInt("retailerCode"));
    }
    Collections.sort(codes);

    JsonObject first = http.get(retailers() + "?limit=2").json();
    assertThat(first.getJsonObject("pagination").getInt("totalCount")).isEqualTo(3);
    assertThat(first.getJsonObject("pagination").getInt("pageSize")).isEqualTo(2);
    assertThat(first.getJsonObject("pagination").getInt("currentPage")).isEqualTo(1);
    assertThat(first.getJsonArray("list").getJsonObject(0).getInt("retailerCode"))
        .isEqualTo(codes.get(0));
    assertThat(first.getJsonArray("list").getJsonObject(0).getString("tckn")).isNotBlank();

    JsonObject second = http.get(retailers() + "?offset=2&limit=2&short=true").json();
    assertThat(second.getJsonObject("pagination").getInt("pageSize")).isEqualTo(1);
    assertThat(second.getJsonObject("pagination").getInt("currentPage")).isEqualTo(2);
    JsonObject brief = second.getJsonArray("list").getJsonObject(0);
    assertThat(brief.getInt("retailerCode")).isEqualTo(codes.get(2));
    assertThat(brief.keySet())
        .containsExactlyInAnyOrder(
            "title", "city", "retailerAccessCount", "retailerCode", "status");

    var tooMany = http.get(retailers() + "?limit=101");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(codes(tooMany)).containsExactly("H186");
    assertThat(codes(http.get(retailers() + "?limit=0"))).containsExactly("H187");
    assertThat(codes(http.get(retailers() + "?offset=-1"))).containsExactly("H183");
  }

  @Test
  void malformedRetailersAreRefusedWithTheReferenceCodes() {
    var empty = http.postJson(retailers(), "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(codes(empty)).contains("H214", "H215", "H216", "H217", "H220", "H288");

    var notJson = http.postJson(retailers(), "{\"title\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(codes(notJson)).containsExactly("H014");

    assertThat(codes(http.postJson(retailers(), "[]"))).containsExactly("H016");
    assertThat(
            codes(
                http.postJson(
                    retailers(), retailer("10000000147", "Bayi").replace("active", "open"))))
        .containsExactlyInAnyOrder("H225", "H201");

    assertThat(http.postJson(retailers(), retailer("10000000146", "Bayi")).status()).isEqualTo(201);
    var twice = http.postJson(retailers(), retailer("10000000146", "Bayi İki"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(codes(twice)).containsExactly("H231");
  }

  @Test
  void anotherBusinessesBrandIsRefusedWithH353() {
    var other = Businesses.approved(new Http(deployment));
    var theirs = new Http(deployment).withBearer(other.accessToken());
    int theirRetailer =
        theirs
            .postJson(
                "/api/sps/" + other.iysCode() + "/brands/" + other.brandCode() + "/retailers",
                retailer("10000000146", "Onların Bayisi"))
            .json()
            .getInt("retailerCode");

    String foreign = "/api/sps/" + other.iysCode() + "/brands/" + other.brandCode();
    String mixed = "/api/sps/" + business.iysCode() + "/brands/" + other.brandCode();
    List<Http.Reply> refused =
        List.of(
            http.postJson(foreign + "/retailers", retailer("12345678950", "Bayi")),
            http.get(foreign + "/retailers"),
            http.get(foreign + "/retailers/" + theirRetailer),
            http.delete(foreign + "/retailers/" + theirRetailer),
            http.get(mixed + "/retailers"),
            http.postJson(
                foreign + "/consents/retailers/access",
                accessToOne("+905330000001", theirRetailer)),
            http.putJson(foreign + "/consents/retailers/access", accessToMany(theirRetailer)),
            http.postJson(foreign + "/consent/retailers/access/list", key("+905330000001")),
            http.postJson(
                foreign + "/consents/retailers/access/remove", accessToMany(theirRetailer)),
            http.postJson(foreign + "/consents/retailers/access/remove/all", recipients()),
            http.get("/api/sps/" + other.iysCode() + "/subscription"));
    for (Http.Reply reply : refused) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(codes(reply)).containsExactly("H353");
    }

    // Through the caller's own brand, another brand's retailer is simply not there.
    var notMine = http.get(retailers() + "/" + theirRetailer);
    assertThat(notMine.status()).isEqualTo(404);
    assertThat(codes(notMine)).containsExactly("H058");
    assertThat(
            http.get(
                    "/api/sps/"
                        + other.iysCode()
                        + "/brands/"
                        + other.brandCode()
                        + "/retailers/"
                        + theirRetailer)
                .status())
        .isEqualTo(403);
    assertThat(theirs.get(foreign + "/retailers/" + theirRetailer).status()).isEqualTo(200);
  }

  @Test
  void aConsentNamingARetailerTheBrandDoesNotHaveIsRefused() {
    int mine = newRetailer("10000000146");
    var other = Businesses.approved(new Http(deployment));
    int theirs =
        new Http(deployment)
            .withBearer(other.accessToken())
            .postJson(
                "/api/sps/" + other.iysCode() + "/brands/" + other.brandCode() + "/retailers",
                retailer("10000000146", "Onların Bayisi"))
            .json()
            .getInt("retailerCode");
    String base = consents(business.iysCode(), business.brandCode());

    var unknownMediator =
        http.postJson(base, consent("+905330000011", ",\"retailerCode\":" + theirs));
    assertThat(unknownMediator.status()).as(unknownMediator.body()).isEqualTo(403);
    JsonObject error = unknownMediator.json().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("code")).isEqualTo("H180");
    assertThat(error.getJsonArray("location").getString(0)).isEqualTo("retailerCode");

    var unknownAccess =
        http.postJson(
            consentsV2(business.iysCode(), business.brandCode()),
            consent("+905330000012", ",\"retailerAccess\":[" + mine + ",99999998]"));
    assertThat(unknownAccess.status()).isEqualTo(403);
    JsonObject located = unknownAccess.json().getJsonArray("errors").getJsonObject(0);
    assertThat(located.getString("code")).isEqualTo("H180");
    assertThat(located.getJsonArray("location").toString()).isEqualTo("[\"retailerAccess\",1]");

    var bulk =
        http.postJson(
            base + "/request",
            "["
                + consent("+905330000013", ",\"retailerCode\":" + mine)
                + ","
                + consent("+905330000014", ",\"retailerAccess\":[" + theirs + "]")
                + "]");
    assertThat(bulk.status()).as(bulk.body()).isEqualTo(403);
    assertThat(codes(bulk)).containsExactly("H180");
    assertThat(bulk.json().getJsonArray("errors").getJsonObject(0).getInt("index")).isEqualTo(1);

    var known =
        http.postJson(
            base,
            consent(
                "+905330000015",
                ",\"retailerCode\":" + mine + ",\"retailerAccess\":[" + mine + "]"));
    assertThat(known.status()).as(known.body()).isEqualTo(200);
    var status = http.postJson(base + "/status", key("+905330000015"));
    assertThat(status.json().getInt("retailerAccessCount")).isEqualTo(1);
    var emptyCode = http.postJson(base, consent("+905330000016", ",\"retailerCode\":\"\""));
    assertThat(emptyCode.status()).isEqualTo(400);
    assertThat(codes(emptyCode)).containsExactly("H267");
  }

  @Test
  void aBulkFileRowNamingARetailerTheBrandDoesNotHaveIsRefused() {
    int mine = newRetailer("10000000146");
    String date = ZonedDateTime.now(ZoneId.of("Europe/Istanbul")).minusMinutes(5).format(WIRE);
    String csv =
        "recipient;type;status;source;consentDate;retailerCode\n"
            + "+905330000071;MESAJ;ONAY;HS_WEB;"
            + date
            + ";"
            + mine
            + "\n+905330000072;MESAJ;ONAY;HS_WEB;"
            + date
            + ";99999998\n";
    String files =
        "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files";

    var received =
        http.postBytes(files + "?start=true", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    long id = received.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> http.get(files + "/" + id).json().getString("status").equals("COMPLETED"));

    String report = http.get(files + "/" + id + "/report").body();
    assertThat(report)
        .contains("2,BIREYSEL;MESAJ;+905330000071,WRITTEN")
        .contains("3,BIREYSEL;MESAJ;+905330000072,REFUSED,H180");
  }

  @Test
  void accessIsAddedListedReplacedAndRemoved() {
    int first = newRetailer("10000000146");
    int second = newRetailer("12345678950");
    String base = consents(business.iysCode(), business.brandCode());
    String recorded =
        http.postJson(base, consent("+905330000021", "")).json().getString("transactionId");
    String access = base + "/retailers/access";
    String list =
        "/api/sps/"
            + business.iysCode()
            + "/brands/"
            + business.brandCode()
            + "/consent/retailers/access/list";

    var added = http.postJson(access, accessToOne("+905330000021", first));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().getString("transactionId")).isEqualTo(recorded);
    assertThat(added.json().getString("creationDate"))
        .matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}");
    assertThat(listed(http.postJson(list, key("+905330000021")))).containsExactly(first);
    assertThat(http.get(retailers() + "/" + first).json().getInt("retailerAccessCount"))
        .isEqualTo(1);

    var replaced = http.putJson(access, accessToMany(second));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(202);
    assertThat(replaced.body()).isEqualTo("1");
    assertThat(listed(http.postJson(list, key("+905330000021")))).containsExactly(second);

    var removed = http.postJson(access + "/remove", accessToMany(second));
    assertThat(removed.status()).isEqualTo(202);
    assertThat(removed.body()).isEqualTo("1");
    assertThat(listed(http.postJson(list, key("+905330000021")))).isEmpty();

    http.postJson(access, accessToOne("+905330000021", first));
    http.postJson(access, accessToOne("+905330000021", second));
    var page = http.postJson(list + "?limit=1&offset=1", key("+905330000021")).json();
    assertThat(page.getJsonObject("pagination").getInt("totalCount")).isEqualTo(2);
    assertThat(page.getJsonArray("list").getJsonObject(0).getInt("retailerCode"))
        .isEqualTo(Math.max(first, second));
    var all = http.postJson(access + "/remove/all", recipients());
    assertThat(all.status()).isEqualTo(202);
    assertThat(all.body()).isEqualTo("1");
    assertThat(listed(http.postJson(list, key("+905330000021")))).isEmpty();
    assertThat(listed(http.postJson(list, key("+905330000099")))).isEmpty();
  }

  @Test
  void accessRequestsAreRefusedWithTheReferenceCodes() {
    int mine = newRetailer("10000000146");
    String access = consents(business.iysCode(), business.brandCode()) + "/retailers/access";
    http.postJson(consents(business.iysCode(), business.brandCode()), consent("+905330000031", ""));

    var noConsent = http.postJson(access, accessToOne("+905330000039", mine));
    assertThat(noConsent.status()).isEqualTo(400);
    assertThat(codes(noConsent)).containsExactly("H401");

    var unknownRetailer = http.postJson(access, accessToOne("+905330000031", 99999998));
    assertThat(unknownRetailer.status()).isEqualTo(403);
    assertThat(codes(unknownRetailer)).containsExactly("H180");

    var removeUnknown = http.postJson(access + "/remove", accessToMany(99999998));
    assertThat(removeUnknown.status()).isEqualTo(404);
    assertThat(codes(removeUnknown)).containsExactly("H058");

    var missing =
        http.postJson(
            access,
            "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipient\":\"+905330000031\"}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(codes(missing)).containsExactly("H169");
    assertThat(
            codes(
                http.postJson(
                    access, accessToOne("+905330000031", mine).replace("[" + mine + "]", "[]"))))
        .containsExactly("H163");
    assertThat(codes(http.postJson(access, accessToOne("905330000031", mine))))
        .containsExactly("H121");

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",")
          .append("\"+90533")
          .append(String.format(Locale.ROOT, "%07d", 100 + i))
          .append('"');
    }
    var tooMany =
        http.postJson(
            access + "/remove/all",
            "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipients\":[" + many + "]}");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(codes(tooMany)).containsExactly("H127");
    assertThat(codes(http.post(access + "/remove", "application/json", "{\"type\"")))
        .containsExactly("H014");
  }

  @Test
  void aRetailerLinkedToAConsentIsNotDeleted() {
    int mediator = newRetailer("10000000146");
    int viewer = newRetailer("12345678950");
    String base = consents(business.iysCode(), business.brandCode());
    assertThat(
            http.postJson(base, consent("+905330000041", ",\"retailerCode\":" + mediator)).status())
        .isEqualTo(200);
    assertThat(
            http.postJson(base, consent("+905330000042", ",\"retailerAccess\":[" + viewer + "]"))
                .status())
        .isEqualTo(200);

    for (int code : List.of(mediator, viewer)) {
      var refused = http.delete(retailers() + "/" + code);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(codes(refused)).containsExactly("H061");
    }

    http.postJson(
        base + "/retailers/access/remove/all",
        "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipients\":[\"+905330000042\"]}");
    assertThat(http.delete(retailers() + "/" + viewer).status()).isEqualTo(200);
    assertThat(http.get(retailers() + "/" + mediator).status()).isEqualTo(200);
  }

  @Test
  void theSubscriptionShowsItsStateAndTheAddressesInUse() {
    String path = "/api/sps/" + business.iysCode() + "/subscription";
    JsonObject fresh = http.get(path).json();
    assertThat(fresh.getString("status")).isEqualTo("ACTIVE");
    assertThat(fresh.getString("subscriptionPackageName")).isNotBlank();
    assertThat(fresh.getString("subscriptionId")).isNotBlank();
    assertThat(fresh.getString("startDate")).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}");
    assertThat(fresh.getString("expirationDate")).isGreaterThan(fresh.getString("startDate"));
    assertThat(fresh.getInt("consentLimit")).isPositive();
    assertThat(fresh.getInt("usedConsentLimit")).isZero();
    assertThat(fresh.getBoolean("consentLimitExceed")).isFalse();

    String base = consents(business.iysCode(), business.brandCode());
    http.postJson(base, consent("+905330000051", ""));
    http.postJson(base, consent("+905330000051", "").replace("MESAJ", "ARAMA"));
    http.postJson(base, consent("+905330000052", ""));

    assertThat(http.get(path).json().getInt("usedConsentLimit")).isEqualTo(2);
  }

  @Test
  void aPausedExpiredOrClosedSubscriptionLeavesOnlyTheSubscriptionQuery() {
    Http staff = Businesses.staff(new Http(deployment));
    String subscription = "/api/sps/" + business.iysCode() + "/subscription";
    String staffPath = "/api/staff/businesses/" + business.iysCode() + "/subscription";
    String base = consents(business.iysCode(), business.brandCode());

    var paused = staff.putJson(staffPath, "{\"status\":\"PAUSED\"}");
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().getString("status")).isEqualTo("PAUSED");
    for (Http.Reply refused :
        List.of(http.get(retailers()), http.postJson(base, consent("+905330000061", "")))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(codes(refused)).containsExactly("H520");
    }
    assertThat(http.get(subscription).json().getString("status")).isEqualTo("PAUSED");

    staff.putJson(staffPath, "{\"status\":\"ACTIVE\",\"expirationDate\":\"2020-01-01 00:00:00\"}");
    assertThat(codes(http.get(retailers()))).containsExactly("H520");
    assertThat(http.get(subscription).json().getString("status")).isEqualTo("EXPIRED");

    staff.putJson(staffPath, "{\"status\":\"CLOSED\"}");
    assertThat(codes(http.get(retailers()))).containsExactly("H521");

    var reopened =
        staff.putJson(
            staffPath,
            "{\"status\":\"ACTIVE\",\"expirationDate\":\"2099-01-01 00:00:00\","
                + "\"consentLimit\":10,\"consentLimitExceed\":true}");
    assertThat(reopened.json().getInt("consentLimit")).isEqualTo(10);
    assertThat(http.get(retailers()).status()).isEqualTo(200);
    assertThat(http.get(subscription).json().getBoolean("consentLimitExceed")).isTrue();

    var bad = staff.putJson(staffPath, "{\"status\":\"EXPIRED\",\"consentLimit\":-1}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(codes(bad)).containsExactlyInAnyOrder("IYS130", "IYS131");
    assertThat(http.putJson(staffPath, "{\"status\":\"PAUSED\"}").status()).isIn(401, 403);
    assertThat(http.get(retailers()).status()).isEqualTo(200);
  }

  private String retailers() {
    return "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/retailers";
  }

  private int newRetailer(String tckn) {
    var created = http.postJson(retailers(), retailer(tckn, "Bayi " + tckn));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getInt("retailerCode");
  }

  private static String retailer(String tckn, String title) {
    return """
        {"title":"%s","alias":"Şişli Mağazası","name":"Ayşe Yılmaz","tckn":"%s",
         "mobile":"+905325001111","tin":"8450525470","city":{"code":"34","name":"İstanbul"},
         "town":{"code":"01","name":"Kadıköy"},"status":"active"}"""
        .formatted(title, tckn);
  }

  /** An ONAY for MESAJ given a few minutes ago, with {@code extra} fields appended. */
  private static String consent(String phone, String extra) {
    String date = ZonedDateTime.now(ZoneId.of("Europe/Istanbul")).minusMinutes(5).format(WIRE);
    return "{\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"recipient\":\""
        + phone
        + "\",\"status\":\"ONAY\",\"consentDate\":\""
        + date
        + "\""
        + extra
        + "}";
  }

  private static String key(String phone) {
    return "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipient\":\"" + phone + "\"}";
  }

  private static String accessToOne(String phone, int retailerCode) {
    return "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipient\":\""
        + phone
        + "\",\"retailerAccess\":["
        + retailerCode
        + "]}";
  }

  private static String accessToMany(int retailerCode) {
    return "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\","
        + "\"recipients\":[\"+905330000021\",\"+905330000021\",\"+905330000029\"],"
        + "\"retailerAccess\":["
        + retailerCode
        + "]}";
  }

  private static String recipients() {
    return "{\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\",\"recipients\":[\"+905330000021\"]}";
  }

  private static List<Integer> listed(Http.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Integer> codes = new ArrayList<>();
    for (JsonValue retailer : reply.json().getJsonArray("list")) {
      codes.add(retailer.asJsonObject().getInt("retailerCode"));
    }
    return codes;
  }

  private static List<String> codes(Http.Reply reply) {
    List<String> codes = new ArrayList<>();
    for (JsonValue error : reply.json().getJsonArray("errors")) {
      codes.add(error.asJsonObject().getString("code"));
    }
    return codes;
  }
}
