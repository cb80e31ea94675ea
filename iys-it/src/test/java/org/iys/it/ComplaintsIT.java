package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iys.it.ComplaintFixture.complaintJson;
import static org.iys.it.ComplaintFixture.count;
import static org.iys.it.ComplaintFixture.freshBrand;
import static org.iys.it.ComplaintFixture.freshPhone;
import static org.iys.it.ComplaintFixture.individual;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Complaints end to end: filed over REST and over the queue, judged against the consent history as
 * it stood when the message arrived, sanctions decided by staff, dead letters listed and replayed,
 * and the complainant following the status.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComplaintsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  // The outbox is one queue, first in first out, for the whole server: the notices of a large
  // file imported by an earlier test class (a hundred thousand) go out before these.
  private static final Duration OUTBOX_PATIENCE = Duration.ofMinutes(3);

  @ArquillianResource private URL deployment;

  private Http http;

  private Http staff;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  @BeforeEach
  void client() {
    http = new Http(deployment);
    staff = Businesses.staff(http);
  }

  @Test
  void eachComplaintIsJudgedOnTheHistoryAsItStoodWithItsEvidence() {
    int brand = freshBrand();
    Instant arrived = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    String consenting = freshPhone();
    String onay = individual(brand, consenting, "ONAY", arrived.minus(10, ChronoUnit.DAYS));

    String justRejected = freshPhone();
    individual(brand, justRejected, "ONAY", arrived.minus(40, ChronoUnit.DAYS));
    String freshRet = individual(brand, justRejected, "RET", arrived.minus(1, ChronoUnit.HOURS));

    String longRejected = freshPhone();
    individual(brand, longRejected, "ONAY", arrived.minus(60, ChronoUnit.DAYS));
    String oldRet = individual(brand, longRejected, "RET", arrived.minus(30, ChronoUnit.DAYS));

    String merchant = freshPhone();
    String tacir =
        ComplaintFixture.movement(
            brand,
            merchant,
            "TACIR",
            "MESAJ",
            "ONAY",
            null,
            null,
            arrived.minus(5, ChronoUnit.DAYS));

    String stranger = freshPhone();
    String lateConsent = freshPhone();
    individual(brand, lateConsent, "ONAY", arrived.plus(1, ChronoUnit.HOURS));

    assertVerdict(
        file(brand, "MESAJ", consenting, arrived), "NO_VIOLATION", "CONSENT_IN_FORCE", onay);
    assertVerdict(
        file(brand, "MESAJ", justRejected, arrived),
        "NO_VIOLATION",
        "WITHIN_STOP_WINDOW",
        freshRet);
    assertVerdict(
        file(brand, "MESAJ", longRejected, arrived), "VIOLATION", "SENT_AFTER_STOP_WINDOW", oldRet);
    assertVerdict(
        file(brand, "MESAJ", merchant, arrived), "NO_VIOLATION", "MERCHANT_NOT_REJECTED", tacir);
    assertVerdict(file(brand, "MESAJ", stranger, arrived), "VIOLATION", "NO_CONSENT");
    assertVerdict(file(brand, "MESAJ", lateConsent, arrived), "VIOLATION", "NO_CONSENT");
    // Over REST such a complaint is refused at once; from the queue it is judged.
    String mismatchKey = UUID.randomUUID().toString();
    ComplaintFixture.sendToQueue(
        List.of(complaintJson(mismatchKey, brand, "MESAJ", "someone@example.com", arrived)));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                count(
                        "SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?"
                            + " AND verdict = 'INVALID' AND ground = 'ADDRESS_MISMATCH'",
                        mismatchKey)
                    == 1);
    assertVerdict(file(freshBrand(), "MESAJ", stranger, arrived), "INVALID", "UNKNOWN_BRAND");

    assertThat(count("SELECT COUNT(*) FROM sanction_proposal WHERE brand_code = ?", brand))
        .isEqualTo(3);
  }

  @Test
  void theComplainantSeesStatusVerdictAndReasonButNoPersonalData() {
    int brand = freshBrand();
    String phone = freshPhone();
    individual(brand, freshPhone(), "ONAY", Instant.now().minus(3, ChronoUnit.DAYS));
    String number = file(brand, "MESAJ", phone, Instant.now().minus(1, ChronoUnit.HOURS));

    var status = awaitJudged(number);

    assertThat(status.getString("status")).isEqualTo("JUDGED");
    assertThat(status.getString("verdict")).isEqualTo("VIOLATION");
    assertThat(status.getString("reason")).contains("no consent");
    assertThat(http.get("/api/complaints/" + number).body()).doesNotContain(phone.substring(3));
    var unknown = http.get("/api/complaints/SK-NOSUCHNUMBER");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("IYS204");
    await().atMost(OUTBOX_PATIENCE).until(() -> sentOutbox(phone) == 1);
  }

  @Test
  void malformedComplaintsAreRefusedAtTheDoor() {
    var missing = http.postJson("/api/complaints", "{\"brand\":\"1\"}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body()).contains("IYS201", "\"recipient\"");

    var badTime =
        http.postJson(
            "/api/complaints",
            "{\"brand\":\"1\",\"channel\":\"MESAJ\",\"recipient\":\"+905321234567\","
                + "\"receivedAt\":\"yesterday\"}");
    assertThat(badTime.status()).isEqualTo(422);
    assertThat(badTime.body()).contains("IYS202");

    String phone = freshPhone();
    var beforeFines =
        http.postJson(
            "/api/complaints",
            complaintJson(
                null, freshBrand(), "MESAJ", phone, Instant.parse("2016-12-04T10:00:00Z")));
    assertThat(beforeFines.status()).isEqualTo(422);
    assertThat(beforeFines.body()).contains("IYS209", "\"receivedAt\"", "2016");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE recipient = ?", phone)).isZero();

    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS);
    assertRefused(complaintJson(null, 600001, "SMS", phone, arrived), "IYS211", "\"channel\"");
    assertRefused(complaintJson(null, 600001, "MESAJ", "0555", arrived), "IYS212", "\"recipient\"");
    assertRefused(complaintJson(null, 600001, "EPOSTA", phone, arrived), "IYS212", "\"recipient\"");
    String withExtra =
        complaintJson(null, 600001, "MESAJ", phone, arrived).replace("{", "{\"foo\":\"x\",");
    assertRefused(withExtra, "H118", "\"foo\"");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE recipient = ?", phone)).isZero();
  }

  @Test
  void theQueueStillJudgesAWrongChannelInvalid() {
    int brand = freshBrand();
    ComplaintFixture.catalogue(brand);
    String key = UUID.randomUUID().toString();
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    ComplaintFixture.sendToQueue(List.of(complaintJson(key, brand, "SMS", freshPhone(), arrived)));

    await()
        .atMost(PATIENCE)
        .until(() -> count("SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?", key) == 1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM complaint WHERE idempotency_key = ? AND verdict = 'INVALID'"
                    + " AND ground = 'UNKNOWN_CHANNEL'",
                key))
        .isEqualTo(1);
  }

  @Test
  void anApprovedBrandWithoutAnyConsentIsKnownAndFoundByItsNameInAnyCapitals() {
    var business = Businesses.approved(http);
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    assertVerdict(
        file(business.brandCode(), "MESAJ", freshPhone(), arrived), "VIOLATION", "NO_CONSENT");

    int named = freshBrand();
    String suffix = Integer.toString(named);
    ComplaintFixture.update(
        "INSERT INTO brand (brand_code, iys_code, name, master, created_at)"
            + " VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP())",
        named,
        named,
        "IŞIKLI Örnek Ticaret A.Ş. " + suffix);
    String phone = freshPhone();
    var filed =
        http.postJson(
            "/api/complaints",
            "{\"brand\":\"ışıklı örnek ticaret a.ş. "
                + suffix
                + "\",\"channel\":\"MESAJ\",\"recipient\":\""
                + phone
                + "\",\"receivedAt\":\""
                + arrived
                + "\"}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(202);
    assertVerdict(filed.json().getString("complaintNumber"), "VIOLATION", "NO_CONSENT");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE brand_code = ?", named)).isEqualTo(1);
  }

  private void assertRefused(String body, String code, String field) {
    var refused = http.postJson("/api/complaints", body);
    assertThat(refused.status()).as(body).isEqualTo(422);
    assertThat(refused.body()).contains("\"errors\"", code, field);
  }

  @Test
  void oneMessageReportedUnderTwoKeysMakesTwoComplaintsButOneSanction() {
    int brand = freshBrand();
    individual(brand, freshPhone(), "ONAY", Instant.now().minus(3, ChronoUnit.DAYS));
    String phone = freshPhone();
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    String first = fileWithKey(UUID.randomUUID().toString(), brand, phone, arrived);
    awaitJudged(first);
    String second = fileWithKey(UUID.randomUUID().toString(), brand, phone, arrived);
    assertThat(second).isNotEqualTo(first);
    assertVerdict(second, "VIOLATION", "NO_CONSENT");

    assertThat(count("SELECT COUNT(*) FROM complaint WHERE recipient = ?", phone)).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM sanction_proposal WHERE brand_code = ?", brand))
        .isEqualTo(1);
    long sanction = proposalOf(brand, 0);
    assertThat(
            count(
                "SELECT COUNT(*) FROM complaint WHERE recipient = ? AND sanction_proposal_id = ?",
                phone,
                sanction))
        .isEqualTo(2);

    var confirmed =
        staff.postJson(
            "/api/staff/sanctions/" + sanction + "/confirm", "{\"reason\":\"Reported twice\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(http.get("/api/complaints/" + first).json().getString("status"))
        .isEqualTo("SANCTIONED");
    assertThat(http.get("/api/complaints/" + second).json().getString("status"))
        .isEqualTo("SANCTIONED");

    String third = fileWithKey(UUID.randomUUID().toString(), brand, phone, arrived);
    assertThat(awaitJudged(third).getString("status")).isEqualTo("SANCTIONED");
    assertThat(count("SELECT COUNT(*) FROM sanction_proposal WHERE brand_code = ?", brand))
        .isEqualTo(1);
  }

  @Test
  void duplicatesOverRestAndOverTheQueueCollapseIntoOneComplaintAndOneNotification() {
    int brand = freshBrand();
    individual(brand, freshPhone(), "ONAY", Instant.now().minus(3, ChronoUnit.DAYS));
    String phone = freshPhone();
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    String first = file(brand, "MESAJ", phone, arrived);
    String again = file(brand, "MESAJ", phone, arrived);
    assertThat(again).isEqualTo(first);

    String key = UUID.randomUUID().toString();
    String other = freshPhone();
    String body = complaintJson(key, brand, "MESAJ", other, arrived);
    ComplaintFixture.sendToQueue(List.of(body, body, body));

    await()
        .atMost(PATIENCE)
        .until(() -> count("SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?", key) == 1);
    awaitJudged(first);
    await().atMost(OUTBOX_PATIENCE).until(() -> sentOutbox(other) == 1);
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE recipient = ?", phone)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE recipient = ?", other)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", phone))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", other))
        .isEqualTo(1);
  }

  @Test
  void aPoisonMessageLandsInTheDeadLetterQueueWithItsReason() {
    String marker = UUID.randomUUID().toString();
    ComplaintFixture.sendToQueue(List.of("this is not json " + marker));

    await()
        .atMost(PATIENCE)
        .until(() -> staff.get("/api/staff/complaints/dead-letters").body().contains(marker));
    JsonObject letter = deadLetter(marker);
    assertThat(letter.getString("messageId")).startsWith("ID:");
    assertThat(letter.getString("reason")).containsIgnoringCase("json");
  }

  @Test
  void aDeadLetterIsReplayedOnceItsCauseIsFixed() {
    int brand = freshBrand();
    Instant longAgo = Instant.parse("2019-03-04T10:00:00Z");
    individual(brand, freshPhone(), "ONAY", longAgo.minus(3, ChronoUnit.DAYS));
    String phone = freshPhone();
    String key = UUID.randomUUID().toString();
    ComplaintFixture.sendToQueue(List.of(complaintJson(key, brand, "MESAJ", phone, longAgo)));

    await()
        .atMost(PATIENCE)
        .until(() -> staff.get("/api/staff/complaints/dead-letters").body().contains(key));
    JsonObject letter = deadLetter(key);
    assertThat(letter.getString("reason")).contains("fine table", "2019");
    assertThat(count("SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?", key)).isZero();

    ComplaintFixture.update(
        "INSERT INTO fine_schedule (article, valid_year, min_prior_violations, amount,"
            + " description) VALUES ('NO_CONSENT', 2019, 0, 4000.00, 'test year')");
    var replayed =
        staff.postJson(
            "/api/staff/complaints/dead-letters/" + letter.getString("messageId") + "/replay", "");
    assertThat(replayed.status()).isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .until(() -> count("SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?", key) == 1);
    assertThat(staff.get("/api/staff/complaints/dead-letters").body()).doesNotContain(key);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'DEAD_LETTER_REPLAYED'"
                    + " AND subject_id = ?",
                letter.getString("messageId")))
        .isEqualTo(1);
    var replay =
        staff.postJson(
            "/api/staff/complaints/dead-letters/" + letter.getString("messageId") + "/replay", "");
    assertThat(replay.status()).isEqualTo(404);
  }

  @Test
  void staffConfirmASanctionWhichEscalatesTheNextAndEveryDecisionIsAudited() {
    int brand = freshBrand();
    individual(brand, freshPhone(), "ONAY", Instant.now().minus(3, ChronoUnit.DAYS));
    String phone = freshPhone();
    String number = file(brand, "MESAJ", phone, Instant.now().minus(1, ChronoUnit.HOURS));
    awaitJudged(number);
    long sanction = proposalOf(brand, 0);

    var noReason = staff.postJson("/api/staff/sanctions/" + sanction + "/confirm", "{}");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.body()).contains("IYS207");

    var confirmed =
        staff.postJson(
            "/api/staff/sanctions/" + sanction + "/confirm",
            "{\"reason\":\"Screenshot matches the sender id\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().getString("status")).isEqualTo("CONFIRMED");
    assertThat(confirmed.json().getString("decidedBy")).isEqualTo(Businesses.ADMIN);
    assertThat(confirmed.json().getInt("priorViolations")).isZero();

    var twice =
        staff.postJson("/api/staff/sanctions/" + sanction + "/dismiss", "{\"reason\":\"oops\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("IYS206");

    assertThat(http.get("/api/complaints/" + number).json().getString("status"))
        .isEqualTo("SANCTIONED");
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'SANCTION_CONFIRMED'"
                    + " AND subject_id = ? AND actor = '"
                    + Businesses.ADMIN
                    + "' AND detail LIKE 'Screenshot%'",
                String.valueOf(sanction)))
        .isEqualTo(1);
    await().atMost(OUTBOX_PATIENCE).until(() -> sentOutbox(phone) == 2);

    String second = file(brand, "MESAJ", freshPhone(), Instant.now().minus(1, ChronoUnit.HOURS));
    awaitJudged(second);
    long next = proposalOf(brand, 1);
    var escalated = staff.get("/api/staff/sanctions/" + next).json();
    assertThat(escalated.getInt("priorViolations")).isEqualTo(1);
    assertThat(escalated.getJsonNumber("amount").bigDecimalValue())
        .isGreaterThan(confirmed.json().getJsonNumber("amount").bigDecimalValue());

    var dismissed =
        staff.postJson(
            "/api/staff/sanctions/" + next + "/dismiss", "{\"reason\":\"Sender id not theirs\"}");
    assertThat(dismissed.json().getString("status")).isEqualTo("DISMISSED");
    assertThat(http.get("/api/complaints/" + second).json().getString("status"))
        .isEqualTo("SANCTION_DISMISSED");
  }

  @Test
  void theFineTableIsDataThatAdministratorsSetWithAnAuditEntry() {
    var shipped = staff.get("/api/staff/fines");
    assertThat(shipped.status()).isEqualTo(200);
    JsonObject placeholder =
        shipped.structure().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(f -> f.getInt("year") == 2026 && "NO_CONSENT".equals(f.getString("article")))
            .findFirst()
            .orElseThrow();
    assertThat(placeholder.getBoolean("placeholder")).isTrue();
    assertThat(placeholder.getString("description")).contains("placeholder");

    // A year far ahead, so the amounts other tests judge with stay as shipped.
    int year = 2100 + new java.security.SecureRandom().nextInt(90);
    String path = "/api/staff/fines/NO_CONSENT/" + year + "/0";
    var added = staff.putJson(path, "{\"amount\":1000.50,\"description\":\"No consent\"}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().getBoolean("placeholder")).isFalse();
    assertThat(added.json().getString("setBy")).isEqualTo(Businesses.ADMIN);
    var revalued = staff.putJson(path, "{\"amount\":1200,\"description\":\"No consent\"}");
    assertThat(revalued.json().getJsonNumber("amount").bigDecimalValue())
        .isEqualByComparingTo("1200");
    assertThat(
            count(
                "SELECT amount FROM fine_schedule WHERE article = 'NO_CONSENT' AND valid_year = ?",
                year))
        .isEqualTo(1200);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'FINE_SET' AND subject_id = ?"
                    + " AND actor = ? AND (detail = 'amount none -> 1000.50'"
                    + " OR detail = 'amount 1000.50 -> 1200')",
                "NO_CONSENT/" + year + "/0",
                Businesses.ADMIN))
        .isEqualTo(2);

    var unknownArticle = staff.putJson("/api/staff/fines/SPAM/" + year + "/0", "{\"amount\":1}");
    assertThat(unknownArticle.status()).isEqualTo(422);
    assertThat(unknownArticle.body()).contains("IYS210");
    var negative = staff.putJson(path, "{\"amount\":-5,\"description\":\"No consent\"}");
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.body()).contains("IYS210");

    String operator = "fine-operator-" + year + "-" + UUID.randomUUID().toString().substring(0, 8);
    staff.postJson(
        "/api/staff/users",
        "{\"username\":\""
            + operator
            + "\",\"password\":\"operator-password\",\"roles\":[\"operator\"]}");
    var reader = http.withBasic(operator, "operator-password");
    assertThat(reader.get("/api/staff/fines").status()).isEqualTo(200);
    var refused = reader.putJson(path, "{\"amount\":1,\"description\":\"No consent\"}");
    assertThat(refused.status()).isEqualTo(403);
  }

  private String file(int brand, String channel, String recipient, Instant arrived) {
    var filed =
        http.postJson(
            "/api/complaints",
            "{\"brand\":\""
                + brand
                + "\",\"channel\":\""
                + channel
                + "\",\"recipient\":\""
                + recipient
                + "\",\"receivedAt\":\""
                + arrived
                + "\",\"senderId\":\"ACME\"}");
    assertThat(filed.status()).as(filed.body()).isEqualTo(202);
    return filed.json().getString("complaintNumber");
  }

  private String fileWithKey(String key, int brand, String recipient, Instant arrived) {
    var filed =
        http.postJson("/api/complaints", complaintJson(key, brand, "MESAJ", recipient, arrived));
    assertThat(filed.status()).as(filed.body()).isEqualTo(202);
    return filed.json().getString("complaintNumber");
  }

  private JsonObject awaitJudged(String number) {
    await().atMost(PATIENCE).until(() -> http.get("/api/complaints/" + number).status() == 200);
    return http.get("/api/complaints/" + number).json();
  }

  private void assertVerdict(String number, String verdict, String ground, String... evidence) {
    awaitJudged(number);
    var detail = staff.get("/api/staff/complaints/" + number).json();
    assertThat(detail.getString("verdict")).as(number).isEqualTo(verdict);
    assertThat(detail.getString("ground")).as(number).isEqualTo(ground);
    assertThat(detail.getJsonArray("evidence").getValuesAs(jakarta.json.JsonString::getString))
        .as(number)
        .containsExactlyInAnyOrder(evidence);
  }

  private long proposalOf(int brand, int prior) {
    return count(
        "SELECT MAX(id) FROM sanction_proposal WHERE brand_code = ? AND prior_violations = ?",
        brand,
        prior);
  }

  private JsonObject deadLetter(String marker) {
    return staff.get("/api/staff/complaints/dead-letters").structure().asJsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(l -> l.getString("body").contains(marker))
        .findFirst()
        .orElseThrow();
  }

  private static long sentOutbox(String recipient) {
    return count(
        "SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND sent_at IS NOT NULL",
        recipient);
  }
}
