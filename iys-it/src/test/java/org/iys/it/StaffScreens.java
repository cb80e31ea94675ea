package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff screens as a person uses them in a browser, on whichever deployment is given. */
final class StaffScreens {

  private static final String TAX_NUMBER = "1234567890";

  private StaffScreens() {}

  /**
   * Records an application through the form and finds it listed. The title carries the Turkish
   * letters that break first when a page or a connection is not UTF-8 all the way through.
   */
  static void anApplicationEnteredInTheFormIsListed(Http http, String screen) throws IOException {
    assumeTrue(
        Browser.available(),
        "Chromium or chromedriver is not installed at "
            + Browser.CHROMIUM
            + " / "
            + Browser.CHROMEDRIVER
            + "; install the Debian packages chromium and chromium-driver to run the browser"
            + " test");
    String title = "Şükrü Ağaoğlu Gıda İçecek Ürünleri Ltd. Şti. " + System.nanoTime() % 1_000_000;

    try (var browser = Browser.open(screenshots())) {
      WebDriver driver = browser.driver();
      driver.get(http.base() + "/staff/applications.xhtml");
      browser.screenshot(screen + "-1-applications");
      assertThat(driver.getTitle()).contains("Başvurular");

      driver.findElement(By.id("apply:title")).sendKeys(title);
      driver.findElement(By.id("apply:taxNumber")).sendKeys(TAX_NUMBER);
      browser.screenshot(screen + "-2-applications-filled-in");
      WebElement submit = driver.findElement(By.id("apply:submit"));
      submit.click();
      // The post answers with a redirect to a fresh page, which leaves the old button stale.
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(stalenessOf(submit));
      browser.screenshot(screen + "-3-applications-after-submit");

      assertThat(rows(driver))
          .as("the rows listed after submitting, on %s", driver.getCurrentUrl())
          .contains(List.of(title, TAX_NUMBER, "PENDING"));
    }
  }

  private static List<List<String>> rows(WebDriver driver) {
    return driver.findElements(By.cssSelector("table[id='applications'] tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("iys.it.work", "target")).resolve("screenshots");
  }
}
