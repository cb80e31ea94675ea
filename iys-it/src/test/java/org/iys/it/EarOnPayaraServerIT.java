package org.iys.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.iys.launcher.EmbeddedBroker;
import org.iys.launcher.EmbeddedDatabase;
import org.iys.launcher.PostBootCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release EAR, unchanged, on Payara Server full: the resource adapter deployed first, then the
 * same server resources the run command gives Payara Micro, then the application.
 *
 * <p>The EAR gets a MariaDB and an Artemis broker of its own rather than the suite's. The Micro
 * deployment of the other integration tests lives until the whole run ends and consumes the same
 * queue name, so on a shared broker it would take some of this server's messages into its own
 * database; and one schema migrated and written by two deployments would prove neither.
 */
class EarOnPayaraServerIT {

  private static final String DATABASE = "iys";

  private static EmbeddedDatabase database;

  private static EmbeddedBroker broker;

  private static PayaraServer server;

  private static Http http;

  @BeforeAll
  static void deployTheEarOnAFreshDomain() throws Exception {
    Path work = Path.of(System.getProperty("iys.it.work", "target")).resolve("ear-on-server");
    deleteRecursively(work);
    Files.createDirectories(work);
    int brokerPort = freePort();
    // The database and broker start while asadmin creates the domain, which takes longest.
    var backing =
        CompletableFuture.runAsync(
            () -> {
              try {
                database =
                    EmbeddedDatabase.start(
                        work.resolve("mariadb"), 0, DATABASE, TestStack.USER, TestStack.PASSWORD);
                broker =
                    EmbeddedBroker.start(
                        work.resolve("artemis"), brokerPort, TestStack.USER, TestStack.PASSWORD);
              } catch (Exception e) {
                throw new IllegalStateException("the EAR's database or broker did not start", e);
              }
            });

    server =
        PayaraServer.create(
            Path.of(System.getProperty("iys.it.payara.server", "target/payara-server/payara6")),
            work.resolve("domains"),
            List.of(TestStack.runtime().resolve("mariadb-java-client.jar")),
            Map.of(
                "iys.data.dir",
                work.resolve("data").toString(),
                "iys.admin.password",
                Businesses.ADMIN_PASSWORD));
    backing.join();
    server.start();

    Path resources =
        new PostBootCommands()
            .broker("127.0.0.1", brokerPort, TestStack.USER, TestStack.PASSWORD)
            .adapter(TestStack.runtime().resolve("iys-artemis-rar.rar"))
            .database(database.jdbcUrl(DATABASE), TestStack.USER, TestStack.PASSWORD)
            .writeTo(work.resolve("resources.txt"));
    var commands = new ArrayList<String>();
    for (String line : Files.readAllLines(resources, StandardCharsets.UTF_8)) {
      // asadmin's multimode reader takes one level of backslashes away before the command's own
      // property parser sees the line; Micro's post-boot reader does not. Double them to keep the
      // escaped ':' and '=' inside the JDBC URL and the broker parameters.
      commands.add(line.replace("\\", "\\\\"));
    }
    // The context root comes from the EAR's application.xml.
    commands.add(
        "deploy --name iys " + TestStack.runtime().resolve("iys-ear.ear").toAbsolutePath());
    try {
      server.admin(commands);
    } catch (IllegalStateException e) {
      throw new AssertionError(
          e.getMessage()
              + "\n--- end of "
              + server.serverLog()
              + " ---\n"
              + server.serverLogTail(150),
          e);
    }
    http = new Http(URI.create("http://127.0.0.1:" + server.httpPort() + "/").toURL());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try {
        if (broker != null) {
          broker.close();
        }
      } finally {
        if (database != null) {
          database.close();
        }
      }
    }
  }

  @Test
  void healthIsUpWithDatabaseAndBroker() {
    Slices.healthIsUpWithDatabaseAndBroker(http);
  }

  @Test
  void anApplicationIsStoredAndReadBack() {
    Slices.anApplicationIsStoredAndReadBack(http);
  }

  @Test
  void aComplaintTravelsOverTheQueueIntoTheDatabase() {
    Slices.aComplaintTravelsOverTheQueueIntoTheDatabase(http);
  }

  @Test
  void aBatchJobImportsACsvFileAndReportsItsStatus() {
    Slices.aBatchJobImportsACsvFileAndReportsItsStatus(http);
  }

  @Test
  void staffRunTheRegistryInTheBrowser() throws Exception {
    StaffScreens.staffRunTheRegistry(http, "ear");
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
