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
      browser.screenshot(screen + "-01-login");

      logIn(driver, Businesses.ADMIN, "wrong-password-given");
      assertThat(driver.findElement(By.id("failed")).getText()).isNotBlank();

      logIn(driver, Businesses.ADMIN, Businesses.ADMIN_PASSWORD);
      assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(Businesses.ADMIN);
      assertThat(driver.getTitle()).contains("Günün rakamları");
      assertThat(text(driver, "movements")).contains("HS_WEB", "MESAJ");
      browser.screenshot(screen + "-02-dashboard");

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
