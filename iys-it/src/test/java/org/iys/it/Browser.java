package org.iys.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through the Debian chromedriver. Both binaries are named explicitly, so
 * Selenium never looks for or downloads a driver or browser; the flags keep Chromium from calling
 * home, and each browser gets a fresh profile that is deleted when it closes.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriverService service;

  private final ChromeDriver driver;

  private final Path profile;

  private final Path screenshots;

  private final Path downloads;

  private Browser(
      ChromeDriverService service, ChromeDriver driver, Path profile, Path shots, Path downloads) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
    this.screenshots = shots;
    this.downloads = downloads;
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Opens a browser whose screenshots go to {@code screenshots}. */
  static Browser open(Path screenshots) throws IOException {
    Files.createDirectories(screenshots);
    Path profile = Files.createTempDirectory("iys-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--disable-sync",
        "--disable-default-apps",
        "--no-default-browser-check",
        "--lang=tr-TR",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    try {
      var driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.executeCdpCommand(
          "Browser.setDownloadBehavior",
          java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      return new Browser(service, driver, profile, screenshots, downloads);
    } catch (RuntimeException e) {
      service.stop();
      delete(profile);
      throw e;
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** Where files the browser saves end up; deleted with the profile. */
  Path downloads() {
    return downloads;
  }

  /** Keeps what the browser shows now as {@code <name>.png}, a build artifact for a reviewer. */
  Path screenshot(String name) {
    try {
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Path target = screenshots.resolve(name + ".png");
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(shot);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("the browser profile " + directory + " was not removed: " + e);
    }
  }
}
