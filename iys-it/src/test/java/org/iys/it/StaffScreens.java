package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff screens as people use them in a browser, on whichever deployment is given. All data is
 * made through the public and staff APIs first; the browser then logs in and works on it. Each
 * screen visited is kept as a screenshot under {@code target/screenshots/}.
 */
final class StaffScreens {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final String OPERATOR_PASSWORD = "operator-password-1";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final DateTimeFormatter CONSENT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private StaffScreens() {}

  /** What the API made for the browser to find. */
  private record Scene(
      long pendingApplication,
      long secondPendingApplication,
      Businesses.ApprovedBusiness business,
      String consentingPhone,
      String complaintWithEvidence,
      String complaintWithSanction,
      long waitingFile,
      long comparison,
      String operator) {}

  /**
   * An admin logs in, approves an application, finds a consent and its history, confirms a
   * sanction, starts an import and downloads its report; an operator then finds the supervisor's
   * actions absent and addresses masked until opened.
   */
  static void staffRunTheRegistry(Http http, String screen) throws IOException {
    assumeTrue(
        Browser.available(),
        "Chromium or chromedriver is not installed at "
            + Browser.CHROMIUM
            + " / "
            + Browser.CHROMEDRIVER
            + "; install the Debian packages chromium and chromium-driver to run the browser"
            + " test");
    Scene scene = scene(http);

    try (var browser = Browser.open(screenshots())) {
      WebDriver driver = browser.driver();
      driver.get(http.base() + "/staff/applications.xhtml");
      assertThat(driver.getCurrentUrl()).as("an anonymous visit").contains("/staff/login.xhtml");
      for (String printed : List.of("/staff/", "/staff")) {
        driver.get(http.base() + printed);
        assertThat(driver.getCurrentUrl())
            .as("an anonymous visit to " + printed)
            .contains("/staff/login.xhtml");
      }
      browser.screenshot(screen + "-01-login");

      logIn(driver, Businesses.ADMIN, "wrong-password-given");
      assertThat(driver.findElement(By.id("failed")).getText()).isNotBlank();

      logIn(driver, Businesses.ADMIN, Businesses.ADMIN_PASSWORD);
      assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(Businesses.ADMIN);
      assertThat(driver.getTitle()).contains("Günün rakamları");
      assertThat(text(driver, "movements")).contains("HS_WEB", "MESAJ");
      browser.screenshot(screen + "-02-dashboard");
      // The address the launcher and the README print, with and without its slash.
      for (String printed : List.of("/staff/", "/staff")) {
        driver.get(http.base() + printed);
        assertThat(driver.getTitle())
            .as("a logged-in visit to " + printed)
            .contains("Günün rakamları");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(Businesses.ADMIN);
      }

      approve(driver, browser, screen, scene.pendingApplication());
      // A page that changes state opens only from a link carrying the view token, so a link
      // planted elsewhere lands on the dashboard instead.
      driver.get(http.base() + "/staff/application.xhtml?id=" + scene.secondPendingApplication());
      assertThat(driver.findElements(By.id("decide:approve"))).isEmpty();
      assertThat(driver.getTitle()).contains("Günün rakamları");
      findConsent(driver, browser, screen, scene, false);
      judge(driver, browser, screen, scene);
      importAndReport(driver, browser, screen, scene.waitingFile());
      reconciliation(driver, browser, screen, scene);

      switchToEnglish(driver);
      assertThat(driver.getTitle()).contains("Reconciliation runs");
      browser.screenshot(screen + "-13-english");
      click(driver, By.id("logout:submit"));
      assertThat(driver.getCurrentUrl()).contains("/staff/login.xhtml");

      logIn(driver, scene.operator(), OPERATOR_PASSWORD);
      openApplication(driver, scene.secondPendingApplication());
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("PENDING");
      assertThat(driver.findElements(By.id("decide:approve")))
          .as("an operator is offered no approval")
          .isEmpty();
      browser.screenshot(screen + "-14-operator-application");
      findConsent(driver, browser, screen, scene, true);
      click(driver, By.id("nav-files"));
      assertThat(driver.findElements(By.cssSelector("[id$=':start']")))
          .as("an operator is offered no import start")
          .isEmpty();
    }
  }

  private static final int LARGE_FILE_ROWS = 100_000;

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", java.util.Locale.ROOT);

  /** What the API made for the second tour, where the rarer decisions are taken. */
  private record Decisions(
      long applicationToReject,
      Businesses.ApprovedBusiness business,
      String complaintToDismiss,
      String complaintPhone,
      String deadLetter,
      long largeFile,
      java.time.LocalDate frozenDay,
      String frozenDayHash,
      String operator) {}

  /**
   * The decisions the first tour does not take: an operator finds a complaint's address masked and
   * reveals it (audited) but is offered no sanction or replay; an admin rejects an application with
   * a reason, dismisses a sanction with a reason, replays a dead letter, stops a running import and
   * restarts it to the end, and sees a frozen day of a brand's chain; every screen, in Turkish and
   * in English, shows no missing message key. Needs the settable registry clock and the test
   * broker.
   */
  static void staffTakeTheRarerDecisions(Http http, String screen) throws IOException {
    assumeTrue(Browser.available(), "Chromium and chromedriver are needed for the browser test");
    Decisions scene = decisions(http);

    try (var browser = Browser.open(screenshots())) {
      WebDriver driver = browser.driver();
      driver.get(http.base() + "/staff/index.xhtml");
      logIn(driver, scene.operator(), OPERATOR_PASSWORD);
      operatorRevealsAnAddress(driver, browser, screen, scene);
      click(driver, By.id("logout:submit"));

      logIn(driver, Businesses.ADMIN, Businesses.ADMIN_PASSWORD);
      reject(driver, browser, screen, scene.applicationToReject());
      dismiss(driver, browser, screen, scene);
      replay(driver, browser, screen, scene.deadLetter());
      stopAndRestart(driver, browser, screen, http, scene);
      frozenDay(driver, browser, screen, scene);

      everyScreenHasItsWords(driver, browser, screen, scene, "tr");
      switchToEnglish(driver);
      everyScreenHasItsWords(driver, browser, screen, scene, "en");
      click(driver, By.id("logout:submit"));
      assertNoMissingKeys(driver, "login page");
    }
  }

  private static Decisions decisions(Http http) {
    long pending = Businesses.applied(http);
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String brand = "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode();

    // Two days back, so the day is over whatever the hour and the nightly freeze may take it.
    java.time.LocalDate day = java.time.LocalDate.now(ZoneId.of("Europe/Istanbul")).minusDays(2);
    LocalDateTime at = day.atTime(10, 0);
    try {
      require(http.putJson("/api/test/clock", "{\"now\":\"" + at.format(WIRE) + "\"}"), 200);
      require(
          api.postJson(brand + "/consents", consent(freshPhone(), "ONAY", at.minusMinutes(5))),
          200);
    } finally {
      http.delete("/api/test/clock");
    }
    require(api.get(brand + "/changes/" + day + "/file"), 200);
    var agreement = api.get(brand + "/agreements/" + day);
    require(agreement, 200);

    String phone = freshPhone();
    pause(Duration.ofMillis(1100));
    String toDismiss =
        complaint(http, business.brandCode(), phone, Instant.now().truncatedTo(ChronoUnit.SECONDS));

    String marker = java.util.UUID.randomUUID().toString();
    ComplaintFixture.sendToQueue(List.of("not a complaint at all " + marker));
    var staff = Businesses.staff(http);
    await()
        .atMost(PATIENCE)
        .until(() -> staff.get("/api/staff/complaints/dead-letters").body().contains(marker));
    String letter =
        staff.get("/api/staff/complaints/dead-letters").structure().asJsonArray().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(l -> l.toString().contains(marker))
            .findFirst()
            .orElseThrow()
            .getString("messageId");

    String date = LocalDateTime.now(ZoneId.of("Europe/Istanbul")).minusHours(1).format(WIRE);
    StringBuilder csv = new StringBuilder("recipient;type;status;source;consentDate\n");
    String prefix = String.format(java.util.Locale.ROOT, "0533%d", 1 + RANDOM.nextInt(9));
    for (int i = 0; i < LARGE_FILE_ROWS; i++) {
      csv.append(
          String.format(java.util.Locale.ROOT, "%s%06d;MESAJ;ONAY;HS_WEB;%s\n", prefix, i, date));
    }
    var file =
        api.postBytes(
            brand + "/consent-files", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    require(file, 201);

    String operator = "operator-" + Long.toHexString(RANDOM.nextLong());
    require(
        staff.postJson(
            "/api/staff/users",
            "{\"username\":\""
                + operator
                + "\",\"password\":\""
                + OPERATOR_PASSWORD
                + "\",\"roles\":[\"operator\"]}"),
        201);
    return new Decisions(
        pending,
        business,
        toDismiss,
        phone,
        letter,
        file.json().getJsonNumber("id").longValue(),
        day,
        agreement.json().getString("hashValue"),
        operator);
  }

  private static void operatorRevealsAnAddress(
      WebDriver driver, Browser browser, String screen, Decisions scene) {
    click(driver, By.id("nav-complaints"));
    assertThat(driver.findElements(By.cssSelector("[id$=':replay']")))
        .as("an operator is offered no dead-letter replay")
        .isEmpty();
    click(driver, By.linkText(scene.complaintToDismiss()));
    String masked = driver.findElement(By.id("recipient")).getText();
    assertThat(masked).contains("*").isNotEqualTo(scene.complaintPhone());
    assertThat(masked.replace("*", "")).hasSizeLessThanOrEqualTo(5);
    assertThat(driver.findElements(By.id("decide:dismiss")))
        .as("an operator is offered no sanction decision")
        .isEmpty();
    assertThat(driver.findElement(By.id("sanctionStatus")).getText()).isEqualTo("PROPOSED");
    browser.screenshot(screen + "-20-operator-complaint-masked");

    click(driver, By.id("reveal:show"));
    assertThat(driver.findElement(By.id("recipient")).getText()).isEqualTo(scene.complaintPhone());
    assertThat(driver.findElements(By.id("reveal:show"))).isEmpty();
    assertThat(
            ComplaintFixture.count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'COMPLAINT_ADDRESS_REVEALED'"
                    + " AND subject_id = ? AND actor = ?",
                scene.complaintToDismiss(),
                scene.operator()))
        .isEqualTo(1);
    browser.screenshot(screen + "-21-operator-complaint-revealed");

    click(driver, By.id("nav-files"));
    assertThat(
            driver.findElements(By.cssSelector("[id$=':start'], [id$=':stop'], [id$=':resume']")))
        .as("an operator is offered no import control")
        .isEmpty();
  }

  private static void reject(WebDriver driver, Browser browser, String screen, long id) {
    openApplication(driver, id);
    String reason = "Vergi levhası okunamıyor; yeniden başvurun.";
    driver.findElement(By.id("decide:reason")).sendKeys(reason);
    click(driver, By.id("decide:reject"));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("REJECTED");
    assertThat(driver.findElement(By.id("rejectionReason")).getText()).isEqualTo(reason);
    assertThat(driver.findElements(By.id("decide:approve"))).isEmpty();
    browser.screenshot(screen + "-22-application-rejected");
  }

  private static void dismiss(WebDriver driver, Browser browser, String screen, Decisions scene) {
    click(driver, By.id("nav-complaints"));
    click(driver, By.linkText(scene.complaintToDismiss()));
    assertThat(driver.findElement(By.id("recipient")).getText())
        .as("an admin sees the address whole")
        .isEqualTo(scene.complaintPhone());
    assertThat(driver.findElements(By.id("reveal:show"))).isEmpty();
    String reason = "Alıcı onayını başka kanaldan vermiş; belge sunuldu.";
    driver.findElement(By.id("decide:reason")).sendKeys(reason);
    click(driver, By.id("decide:dismiss"));
    assertThat(driver.findElement(By.id("sanctionStatus")).getText()).isEqualTo("DISMISSED");
    assertThat(driver.findElement(By.id("decisionReason")).getText()).isEqualTo(reason);
    assertThat(driver.findElements(By.id("decide:confirm"))).isEmpty();
    browser.screenshot(screen + "-23-sanction-dismissed");
  }

  private static void replay(WebDriver driver, Browser browser, String screen, String messageId) {
    click(driver, By.id("nav-complaints"));
    int row = letterRow(driver, messageId);
    assertThat(row).as("dead letter " + messageId + " is listed").isNotNegative();
    browser.screenshot(screen + "-24-dead-letters");
    click(driver, By.id("letters:deadLetters:" + row + ":replay"));
    assertThat(text(driver, "messages")).contains(messageId);
    assertThat(letterRow(driver, messageId)).as("the replayed letter left the queue").isNegative();
    assertThat(
            ComplaintFixture.count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'DEAD_LETTER_REPLAYED'"
                    + " AND subject_id = ?",
                messageId))
        .isEqualTo(1);
    browser.screenshot(screen + "-25-dead-letter-replayed");
  }

  private static int letterRow(WebDriver driver, String messageId) {
    List<List<String>> rows = rows(driver, "letters:deadLetters");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get(0).equals(messageId)) {
        return i;
      }
    }
    return -1;
  }

  private static void stopAndRestart(
      WebDriver driver, Browser browser, String screen, Http http, Decisions scene) {
    long id = scene.largeFile();
    var api = http.withBearer(scene.business().accessToken());
    String file =
        "/api/sps/"
            + scene.business().iysCode()
            + "/brands/"
            + scene.business().brandCode()
            + "/consent-files/"
            + id;
    click(driver, By.id("nav-files"));
    click(driver, By.id("files:table:" + fileRow(driver, id) + ":start"));
    assertThat(status(driver, fileRow(driver, id))).isEqualTo("RUNNING");
    click(driver, By.id("files:table:" + fileRow(driver, id) + ":stop"));
    assertThat(text(driver, "messages")).contains(String.valueOf(id));
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              click(driver, By.id("files:refresh"));
              return status(driver, fileRow(driver, id)).equals("FAILED");
            });
    var stopped = api.get(file).json();
    assertThat(stopped.getInt("rowsWritten")).isLessThan(LARGE_FILE_ROWS);
    assertThat(rows(driver, "files:table").get(fileRow(driver, id)).get(6)).contains("STOP");
    browser.screenshot(screen + "-26-import-stopped");

    click(driver, By.id("files:table:" + fileRow(driver, id) + ":resume"));
    assertThat(text(driver, "messages")).contains(String.valueOf(id));
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              click(driver, By.id("files:refresh"));
              return status(driver, fileRow(driver, id)).equals("COMPLETED");
            });
    var done = api.get(file).json();
    assertThat(done.getInt("rowsRead")).isEqualTo(LARGE_FILE_ROWS);
    assertThat(done.getInt("rowsWritten")).isEqualTo(LARGE_FILE_ROWS);
    assertThat(
            ComplaintFixture.count("SELECT COUNT(*) FROM consent_file_row WHERE file_id = ?", id))
        .as("every line reported once across the stop")
        .isEqualTo(LARGE_FILE_ROWS);
    assertThat(
            ComplaintFixture.count(
                "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action IN"
                    + " ('CONSENT_FILE_STARTED', 'CONSENT_FILE_STOPPED', 'CONSENT_FILE_RESUMED')",
                String.valueOf(id)))
        .isEqualTo(3);
    browser.screenshot(screen + "-27-import-restarted-completed");
  }

  private static void frozenDay(WebDriver driver, Browser browser, String screen, Decisions scene) {
    click(driver, By.id("nav-reconciliation"));
    String brand = String.valueOf(scene.business().brandCode());
    List<String> day =
        rows(driver, "reconciliation:days").stream()
            .filter(row -> row.get(0).equals(brand) && row.get(3).equals(scene.frozenDayHash()))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the frozen day of brand "
                            + brand
                            + " is not listed: "
                            + rows(driver, "reconciliation:days")));
    assertThat(day.get(1))
        .contains(scene.frozenDay().format(DateTimeFormatter.ofPattern("dd.MM.uuuu")));
    assertThat(day.get(2)).isEqualTo("1");
    assertThat(day.get(4)).matches("[0-9a-f]{96}");
    browser.screenshot(screen + "-28-daily-chain");
  }

  /** Visits every screen in the current language and finds no key the bundle lacked. */
  private static void everyScreenHasItsWords(
      WebDriver driver, Browser browser, String screen, Decisions scene, String language) {
    for (String page :
        List.of(
            "nav-dashboard",
            "nav-applications",
            "nav-consents",
            "nav-complaints",
            "nav-files",
            "nav-reconciliation")) {
      click(driver, By.id(page));
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
      assertNoMissingKeys(driver, page + " in " + language);
    }
    click(driver, By.id("nav-applications"));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter:status")))
        .selectByValue("REJECTED");
    click(driver, By.id("filter:apply"));
    click(driver, By.linkText(String.valueOf(scene.applicationToReject())));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("REJECTED");
    assertNoMissingKeys(driver, "application in " + language);
    click(driver, By.id("nav-complaints"));
    click(driver, By.linkText(scene.complaintToDismiss()));
    assertNoMissingKeys(driver, "complaint in " + language);
    click(driver, By.id("nav-consents"));
    driver.findElement(By.id("search:address")).sendKeys(scene.complaintPhone());
    click(driver, By.id("search:submit"));
    assertNoMissingKeys(driver, "consent search in " + language);
    browser.screenshot(screen + "-29-words-" + language);
  }

  private static void assertNoMissingKeys(WebDriver driver, String where) {
    assertThat(driver.getPageSource()).as(where).doesNotContain("???");
  }

  private static Scene scene(Http http) {
    long pending = Businesses.applied(http);
    long secondPending = Businesses.applied(http);
    var business = Businesses.approved(http);
    var api = http.withBearer(business.accessToken());
    String consents = ConsentFixture.consents(business.iysCode(), business.brandCode());
    String phone = freshPhone();
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Istanbul"));
    require(api.postJson(consents, consent(phone, "ONAY", now.minusHours(2))), 200);
    require(api.postJson(consents, consent(phone, "RET", now.minusHours(1))), 200);
    require(api.postJson(consents, consent(phone, "ONAY", now.minusMinutes(30))), 200);

    // Whole seconds, and later than the movements just recorded, which the verdict must see.
    pause(Duration.ofMillis(1100));
    Instant arrived = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String withEvidence = complaint(http, business.brandCode(), phone, arrived);
    String withSanction = complaint(http, business.brandCode(), freshPhone(), arrived);

    String date = now.minusHours(1).format(CONSENT_DATE);
    String csv =
        "recipient;type;status;source;consentDate;recipientType\r\n"
            + freshPhone()
            + ";MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n"
            + "not-a-phone;MESAJ;ONAY;HS_WEB;"
            + date
            + ";BIREYSEL\r\n";
    var file =
        api.postBytes(
            "/api/sps/" + business.iysCode() + "/brands/" + business.brandCode() + "/consent-files",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));
    require(file, 201);

    // The brand's consent above is not in this list and the listed phone is not in the registry.
    var comparison =
        api.postBytes(
            "/api/sps/"
                + business.iysCode()
                + "/brands/"
                + business.brandCode()
                + "/list-comparisons",
            "text/csv",
            ("Recipient;Type;Status;RecipientType\r\n" + freshPhone() + ";MESAJ;ONAY;BIREYSEL\r\n")
                .getBytes(StandardCharsets.UTF_8));
    require(comparison, 201);

    String operator = "operator-" + Long.toHexString(RANDOM.nextLong());
    require(
        Businesses.staff(http)
            .postJson(
                "/api/staff/users",
                "{\"username\":\""
                    + operator
                    + "\",\"password\":\""
                    + OPERATOR_PASSWORD
                    + "\",\"roles\":[\"operator\"]}"),
        201);
    return new Scene(
        pending,
        secondPending,
        business,
        phone,
        withEvidence,
        withSanction,
        file.json().getJsonNumber("id").longValue(),
        comparison.json().getJsonNumber("id").longValue(),
        operator);
  }

  private static void approve(WebDriver driver, Browser browser, String screen, long id) {
    click(driver, By.id("nav-applications"));
    browser.screenshot(screen + "-03-applications");
    openApplication(driver, id);
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("PENDING");
    browser.screenshot(screen + "-04-application");
    click(driver, By.id("decide:approve"));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("APPROVED");
    assertThat(driver.findElement(By.id("iysCode")).getText()).matches("\\d+");
    assertThat(text(driver, "messages")).contains("onaylandı");
    browser.screenshot(screen + "-05-application-approved");
  }

  private static void openApplication(WebDriver driver, long id) {
    click(driver, By.id("nav-applications"));
    click(driver, By.linkText(String.valueOf(id)));
  }

  private static void findConsent(
      WebDriver driver, Browser browser, String screen, Scene scene, boolean operator) {
    click(driver, By.id("nav-consents"));
    driver.findElement(By.id("search:address")).sendKeys(scene.consentingPhone());
    click(driver, By.id("search:submit"));
    List<List<String>> rows = rows(driver, "results:consents");
    assertThat(rows).hasSize(1);
    String shown = rows.get(0).get(0);
    if (operator) {
      assertThat(shown).as("an operator sees the address masked").contains("*");
    } else {
      assertThat(shown).isEqualTo(scene.consentingPhone());
    }
    assertThat(rows.get(0)).contains(String.valueOf(scene.business().brandCode()), "MESAJ", "ONAY");
    browser.screenshot(screen + (operator ? "-15-operator-consents" : "-06-consents"));

    click(driver, By.id("results:consents:0:open"));
    assertThat(rows(driver, "results:consents").get(0).get(0)).isEqualTo(scene.consentingPhone());
    assertThat(rows(driver, "movements"))
        .extracting(row -> row.get(0))
        .containsExactly("ONAY", "RET", "ONAY");
    browser.screenshot(screen + (operator ? "-16-operator-history" : "-07-consent-history"));
  }

  private static void judge(WebDriver driver, Browser browser, String screen, Scene scene) {
    click(driver, By.id("nav-complaints"));
    browser.screenshot(screen + "-08-complaints");
    click(driver, By.linkText(scene.complaintWithEvidence()));
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("NO_VIOLATION");
    // The reason comes from the screen's own bundle, in the screen's language.
    assertThat(driver.findElement(By.id("verdictReason")).getText())
        .isNotBlank()
        .doesNotContain("???");
    assertThat(rows(driver, "evidence")).isNotEmpty();
    browser.screenshot(screen + "-09-complaint-evidence");

    click(driver, By.id("nav-complaints"));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter:verdict")))
        .selectByValue("VIOLATION");
    click(driver, By.id("filter:apply"));
    click(driver, By.linkText(scene.complaintWithSanction()));
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("VIOLATION");
    assertThat(driver.findElement(By.id("sanctionStatus")).getText()).isEqualTo("PROPOSED");
    driver.findElement(By.id("decide:reason")).sendKeys("İleti onaysız gönderilmiş; teyit edildi.");
    click(driver, By.id("decide:confirm"));
    assertThat(driver.findElement(By.id("sanctionStatus")).getText()).isEqualTo("CONFIRMED");
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("SANCTIONED");
    browser.screenshot(screen + "-10-sanction-confirmed");
  }

  private static void importAndReport(WebDriver driver, Browser browser, String screen, long fileId)
      throws IOException {
    click(driver, By.id("nav-files"));
    int row = fileRow(driver, fileId);
    assertThat(status(driver, row)).isEqualTo("WAITING");
    browser.screenshot(screen + "-11-files");
    click(driver, By.id("files:table:" + row + ":start"));
    assertThat(text(driver, "messages")).contains(String.valueOf(fileId));
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              click(driver, By.id("files:refresh"));
              return status(driver, fileRow(driver, fileId)).equals("COMPLETED");
            });
    browser.screenshot(screen + "-12-file-completed");

    // A download leaves the page as it is, so there is no new page to wait for.
    driver.findElement(By.id("files:table:" + fileRow(driver, fileId) + ":report")).click();
    Path report = browser.downloads().resolve("consent-file-" + fileId + "-report.csv");
    await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(report));
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .startsWith("line,key,outcome,code,message")
        .contains("WRITTEN", "REFUSED", ",rows written,1,", ",rows refused,1,");
  }

  private static void reconciliation(WebDriver driver, Browser browser, String screen, Scene scene)
      throws IOException {
    click(driver, By.id("nav-reconciliation"));
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              click(driver, By.id("reconciliation:refresh"));
              return !comparison(driver, scene.comparison()).get(2).startsWith("RUNNING");
            });
    List<String> row = comparison(driver, scene.comparison());
    assertThat(row.get(2)).isEqualTo("COMPLETED");
    assertThat(row.get(1)).isEqualTo(String.valueOf(scene.business().brandCode()));
    assertThat(row.get(3)).isEqualTo("1");
    assertThat(row.get(4)).contains("Sistemde yok: 1", "İşletmede yok: ", "Uygulanmamış ret: 0");
    assertThat(row.get(5)).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
    browser.screenshot(screen + "-12b-reconciliation");

    int index = rows(driver, "reconciliation:comparisons").indexOf(row);
    driver.findElement(By.id("reconciliation:comparisons:" + index + ":report")).click();
    Path report =
        browser.downloads().resolve("list-comparison-" + scene.comparison() + "-report.csv");
    await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(report));
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .startsWith("kind,line,")
        .contains("MISSING_IN_REGISTRY,2,", "MISSING_AT_BUSINESS,,");
  }

  private static List<String> comparison(WebDriver driver, long id) {
    return rows(driver, "reconciliation:comparisons").stream()
        .filter(row -> row.get(0).equals(String.valueOf(id)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("list comparison " + id + " is not listed"));
  }

  private static int fileRow(WebDriver driver, long fileId) {
    List<List<String>> rows = rows(driver, "files:table");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get(0).equals(String.valueOf(fileId))) {
        return i;
      }
    }
    throw new AssertionError("consent file " + fileId + " is not listed: " + rows);
  }

  private static String status(WebDriver driver, int row) {
    return rows(driver, "files:table").get(row).get(3);
  }

  private static void switchToEnglish(WebDriver driver) {
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language:choice")))
        .selectByValue("en");
    click(driver, By.id("language:apply"));
  }

  private static void logIn(WebDriver driver, String username, String password) {
    driver.findElement(By.id("j_username")).sendKeys(username);
    driver.findElement(By.id("j_password")).sendKeys(password);
    click(driver, By.id("submit"));
  }

  /** Clicks and waits for the page that answers, since every action here is a full page load. */
  private static void click(WebDriver driver, By target) {
    WebElement element =
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.elementToBeClickable(target));
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(html));
  }

  // Chromium reports an element of a document already replaced either as stale or as a node
  // that "does not belong to the document"; both mean the next page has arrived.
  private static boolean replaced(WebElement oldRoot) {
    try {
      oldRoot.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException gone) {
      return true;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String text(WebDriver driver, String id) {
    return Optional.of(driver.findElements(By.id(id)))
        .filter(found -> !found.isEmpty())
        .map(found -> found.get(0).getText())
        .orElse("");
  }

  private static List<List<String>> rows(WebDriver driver, String tableId) {
    return driver.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
        .filter(tr -> !tr.getAttribute("class").contains("ui-datatable-empty-message"))
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  private static String consent(String phone, String status, LocalDateTime at) {
    return "{\"recipient\":\""
        + phone
        + "\",\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"status\":\""
        + status
        + "\",\"consentDate\":\""
        + at.format(CONSENT_DATE)
        + "\",\"recipientType\":\"BIREYSEL\"}";
  }

  private static String complaint(Http http, int brand, String phone, Instant arrived) {
    var filed =
        http.anonymous()
            .postJson(
                "/api/complaints",
                "{\"brand\":\""
                    + brand
                    + "\",\"channel\":\"MESAJ\",\"recipient\":\""
                    + phone
                    + "\",\"receivedAt\":\""
                    + arrived
                    + "\",\"senderId\":\"ACME\"}");
    require(filed, 202);
    String number = filed.json().getString("complaintNumber");
    await()
        .atMost(PATIENCE)
        .until(() -> http.anonymous().get("/api/complaints/" + number).status() == 200);
    return number;
  }

  private static String freshPhone() {
    return "+90532" + (1_000_000 + RANDOM.nextInt(8_999_999));
  }

  private static void require(Http.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
    }
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("iys.it.work", "target")).resolve("screenshots");
  }
}
