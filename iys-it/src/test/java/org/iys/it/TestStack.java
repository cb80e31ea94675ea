package org.iys.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.iys.launcher.EmbeddedBroker;
import org.iys.launcher.EmbeddedDatabase;
import org.iys.launcher.PostBootCommands;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The real MariaDB and Artemis the integration tests run against, started once per test JVM on free
 * loopback ports (so the suite passes beside a running iys), with the post-boot commands that point
 * Payara Micro at them.
 */
public final class TestStack implements LauncherSessionListener {

  public static final String USER = "iys";

  public static final String PASSWORD = "iys-test";

  private static EmbeddedDatabase database;

  private static EmbeddedBroker broker;

  private static int brokerPort;

  private static Path brokerHome;

  // Each run's database and journal take hundreds of megabytes; left behind, runs fill the disk
  // until the broker refuses to take messages.
  private static final List<Path> scratch = new CopyOnWriteArrayList<>();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try {
      start();
    } catch (Exception e) {
      throw new IllegalStateException("the test database or broker did not start", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      if (broker != null) {
        broker.close();
      }
      if (database != null) {
        database.close();
      }
    } catch (Exception e) {
      System.err.println("stopping the test stack failed: " + e);
    }
    if (!Boolean.getBoolean("iys.it.keep")) {
      scratch.forEach(TestStack::deleteQuietly);
    }
  }

  /**
   * A directory for a test's own database, broker or files, deleted at the end of the run unless
   * the run is started with {@code -Diys.it.keep=true} to look at what the tests left.
   */
  public static Path scratch(String prefix) throws IOException {
    Path directory = Files.createTempDirectory(prefix);
    scratch.add(directory);
    return directory;
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + directory + ": " + e);
    }
  }

  public static Path runtime() {
    return Path.of(System.getProperty("iys.it.runtime", "target/it-runtime"));
  }

  public static String jdbcUrl() {
    return database.jdbcUrl("iys");
  }

  /** A further database on the test server, for tests that need a schema of their own. */
  public static String scratchDatabase(String name) throws Exception {
    database.prepare(name, USER, PASSWORD);
    return database.jdbcUrl(name);
  }

  public static int brokerPort() {
    return brokerPort;
  }

  public static EmbeddedBroker broker() {
    return broker;
  }

  /**
   * Stops the broker and starts it again on the same port and journal, as an operator's restart
   * would: persistent messages survive, connections break and must be re-established.
   */
  public static synchronized void restartBroker() throws Exception {
    broker.close();
    broker = EmbeddedBroker.start(brokerHome, brokerPort, USER, PASSWORD);
  }

  /** Stops the broker until {@link #startBroker}, as an outage would. */
  public static synchronized void stopBroker() throws Exception {
    broker.close();
  }

  /** Starts the broker stopped by {@link #stopBroker} on the same port and journal. */
  public static synchronized void startBroker() throws Exception {
    broker = EmbeddedBroker.start(brokerHome, brokerPort, USER, PASSWORD);
  }

  private static void start() throws Exception {
    Path home = scratch("iys-it-");
    database = EmbeddedDatabase.start(home.resolve("mariadb"), 0, "iys", USER, PASSWORD);
    brokerPort = freePort();
    brokerHome = home.resolve("artemis");
    broker = EmbeddedBroker.start(brokerHome, brokerPort, USER, PASSWORD);
    new PostBootCommands()
        .broker("127.0.0.1", brokerPort, USER, PASSWORD)
        .adapter(runtime().resolve("iys-artemis-rar.rar"))
        .database(jdbcUrl(), USER, PASSWORD)
        .writeTo(runtime().resolve("post-boot-commands.txt"));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
