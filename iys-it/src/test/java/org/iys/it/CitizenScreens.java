package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen page as a person uses it in a browser: proving a phone number with the code the
 * outbox holds, then changing consents brand by brand and all at once. Each step is kept as a
 * screenshot under {@code target/screenshots/}, and each change is checked in the database too.
 */
final class CitizenScreens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
  private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CitizenScreens() {}

  static void citizenChangesConsentsInTheBrowser(Http http) throws IOException, SQLException {
    assumeTrue(
        Browser.available(),
        "Chromium or chromedriver is not installed at "
            + Browser.CHROMIUM
            + " / "
            + Browser.CHROMEDRIVER
            + "; install the Debian packages chromium and chromium-driver to run the browser"
            + " test");
    var known = Businesses.approved(http);
    var unknown = Businesses.approved(http);
    String phone = "+90532" + String.format("%07d", RANDOM.nextInt(10_000_000));
    String consentDate = WIRE.format(LocalDateTime.now(ZoneId.of("Europe/Istanbul")));
    var onay =
        http.withBearer(known.accessToken())
            .postJson(
                ConsentFixture.consents(known.iysCode(), known.brandCode()),
                "{\"consentDate\":\""
                    + consentDate
                    + "\",\"source\":\"HS_WEB\",\"recipient\":\""
                    + phone
                    + "\",\"status\":\"ONAY\",\"type\":\"MESAJ\",\"recipientType\":\"BIREYSEL\"}");
    assertThat(onay.status()).as(onay.body()).isEqualTo(200);

    try (var browser = Browser.open(screenshots())) {
      WebDriver driver = browser.driver();
      driver.get(http.base() + "/citizen/index.xhtml");
      assertThat(driver.findElements(By.id("mine"))).isEmpty();
      browser.screenshot("citizen-01-start");

      driver.findElement(By.id("verify:address")).sendKeys(phone);
      click(driver, By.id("verify:send"));
      assertThat(messages(driver)).contains("code was sent");
      String code = latestCode(phone);
      driver
          .findElement(By.id("confirm:code"))
          .sendKeys(code.equals("000000") ? "111111" : "000000");
      click(driver, By.id("confirm:submit"));
      assertThat(messages(driver)).contains("wrong").contains("2");
      browser.screenshot("citizen-02-wrong-code");

      driver.findElement(By.id("confirm:code")).sendKeys(code);
      click(driver, By.id("confirm:submit"));
      assertThat(messages(driver)).contains("verified");
      assertThat(driver.findElement(By.id("addresses")).getText()).contains(phone);
      List<String> row = row(driver, known.brandCode());
      assertThat(row).contains(phone, "MESAJ", "ONAY", "HS_WEB");
      browser.screenshot("citizen-03-verified");

      clickInRow(driver, known.brandCode(), "reject");
      assertThat(messages(driver)).contains("Saved");
      assertThat(row(driver, known.brandCode())).contains("RET", "IYS_WEB");
      assertThat(
              single(
                  "SELECT status FROM consent WHERE brand_code = ? AND recipient = ?",
                  known.brandCode(),
                  phone))
          .isEqualTo("RET");
      browser.screenshot("citizen-04-rejected");

      driver.findElement(By.id("add:brand")).sendKeys(String.valueOf(unknown.brandCode()));
      new Select(driver.findElement(By.id("add:type"))).selectByValue("ARAMA");
      new Select(driver.findElement(By.id("add:recipient"))).selectByValue(phone);
      click(driver, By.id("add:allow"));
      assertThat(messages(driver)).contains("Saved");
      assertThat(row(driver, unknown.brandCode())).contains("ARAMA", "ONAY", "IYS_WEB_YENI");
      browser.screenshot("citizen-05-granted-new-brand");

      clickInRow(driver, known.brandCode(), "allow");
      assertThat(row(driver, known.brandCode())).contains("ONAY", "IYS_WEB");
      browser.screenshot("citizen-06-granted-again");

      driver.findElement(By.id("add:brand")).sendKeys("not a number");
      click(driver, By.id("add:allow"));
      assertThat(messages(driver)).contains("brand");
      browser.screenshot("citizen-07-bad-brand-code");

      click(driver, By.cssSelector("[id^='addresses:list:'][id$=':rejectAll']"));
      assertThat(messages(driver)).contains("Rejected 2 consents");
      assertThat(row(driver, known.brandCode())).contains("RET");
      assertThat(row(driver, unknown.brandCode())).contains("RET");
      assertThat(
              single(
                  "SELECT COUNT(*) FROM consent WHERE recipient = ? AND status = 'ONAY'"
                      + " AND brand_code IN (?, ?)",
                  phone,
                  known.brandCode(),
                  unknown.brandCode()))
          .isEqualTo("0");
      browser.screenshot("citizen-08-rejected-all");
    }
  }

  private static List<String> row(WebDriver driver, int brandCode) {
    return rowElement(driver, brandCode).findElements(By.tagName("td")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static WebElement rowElement(WebDriver driver, int brandCode) {
    List<WebElement> rows =
        driver.findElements(By.cssSelector("[id='consents:list'] tbody tr")).stream()
            .filter(tr -> tr.getText().contains("(" + brandCode + ")"))
            .toList();
    assertThat(rows).as("rows of brand " + brandCode).hasSize(1);
    return rows.get(0);
  }

  private static void clickInRow(WebDriver driver, int brandCode, String button) {
    String id =
        rowElement(driver, brandCode)
            .findElement(By.cssSelector("[id$=':" + button + "']"))
            .getAttribute("id");
    click(driver, By.id(id));
  }

  private static String messages(WebDriver driver) {
    List<WebElement> found = driver.findElements(By.id("messages"));
    return found.isEmpty() ? "" : found.get(0).getText();
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

  private static boolean replaced(WebElement oldRoot) {
    try {
      oldRoot.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException gone) {
      return true;
    }
  }

  private static String latestCode(String address) throws SQLException {
    Matcher code =
        CODE.matcher(
            single(
                "SELECT text FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                address));
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  private static String single(String sql, Object... parameters) throws SQLException {
    try (var db =
            DriverManager.getConnection(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD);
        var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as(sql).isTrue();
        return rows.getString(1);
      }
    }
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("iys.it.work", "target")).resolve("screenshots");
  }
}
