package org.iys.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts iys with everything it needs: MariaDB and Artemis (embedded unless configured as
 * external), then Payara Micro with the resource adapter and the application. Ctrl-C stops all of
 * it in reverse order; the data directory keeps the registry and the broker journal.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.load(System.getenv());
    Path runtime = runtimeDirectory();
    Path data = settings.dataDir();
    FirstAdmin firstAdmin = FirstAdmin.of(settings, data);
    Stack stack = new Stack();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "iys-shutdown"));

    String dbUrl = settings.get("db.url");
    if (settings.embeddedDatabase()) {
      var database =
          EmbeddedDatabase.start(
              data.resolve("mariadb"),
              settings.port("db.port"),
              settings.get("db.name"),
              settings.get("db.user"),
              settings.get("db.password"));
      stack.database = database;
      dbUrl = database.jdbcUrl(settings.get("db.name"));
      System.out.println("iys: MariaDB on 127.0.0.1:" + database.port());
    }

    String brokerHost = settings.get("broker.host");
    if (settings.embeddedBroker()) {
      stack.broker =
          EmbeddedBroker.start(
              data.resolve("artemis"),
              settings.port("broker.port"),
              settings.get("broker.user"),
              settings.get("broker.password"));
      brokerHost = "127.0.0.1";
      System.out.println("iys: Artemis on 127.0.0.1:" + settings.port("broker.port"));
    }

    Path postBoot =
        new PostBootCommands()
            .broker(
                brokerHost,
                settings.port("broker.port"),
                settings.get("broker.user"),
                settings.get("broker.password"))
            .adapter(runtime.resolve("iys-artemis-rar.rar"))
            .database(dbUrl, settings.get("db.user"), settings.get("db.password"))
            .deploy(runtime.resolve("iys-micro-war.war"))
            .writeTo(data.resolve("post-boot-commands.txt"));

    settleInDoubtBranches(settings, brokerHost, dbUrl);

    stack.micro =
        PayaraMicro.start(
            runtime.resolve("payara-micro.jar"),
            runtime.resolve("mariadb-java-client.jar"),
            postBoot,
            settings.port("http.port"),
            settings.get("micro.heap"),
            serverSystemProperties(settings, data),
            serverEnvironment(settings, firstAdmin));

    if (stack.micro.awaitHealthy(Duration.ofMinutes(5))) {
      printUrls(stack.micro.baseUrl(), data);
      System.out.println(firstAdmin.describe());
    } else {
      System.err.println("iys: the server did not become healthy; see the log above");
    }
    System.exit(stack.micro.waitFor());
  }

  /**
   * Rolls back what a killed predecessor on this port left prepared, before the server starts and
   * takes part in transactions of its own. A broker or database that cannot be reached leaves the
   * branches for the next start: their messages stay withheld, not lost.
   */
  private static void settleInDoubtBranches(Settings settings, String brokerHost, String dbUrl) {
    String name = PayaraMicro.transactionName(settings.port("http.port"));
    try {
      int broker =
          InDoubtBranches.settleBroker(
              brokerHost,
              settings.port("broker.port"),
              settings.get("broker.user"),
              settings.get("broker.password"),
              name);
      int database =
          InDoubtBranches.settleDatabase(
              dbUrl, settings.get("db.user"), settings.get("db.password"), name);
      if (broker + database > 0) {
        System.out.println(
            "iys: rolled back "
                + broker
                + " broker and "
                + database
                + " database transaction branches a stopped server had left prepared");
      }
    } catch (Exception e) {
      System.err.println("iys: prepared transaction branches could not be settled: " + e);
    }
  }

  private static List<String> serverSystemProperties(Settings settings, Path data) {
    var properties = new java.util.ArrayList<String>();
    properties.add("-Diys.data.dir=" + data);
    properties.addAll(settings.serverSystemProperties());
    return properties;
  }

  /** Settings the application reads, then the first administrator's account, which wins. */
  private static java.util.Map<String, String> serverEnvironment(
      Settings settings, FirstAdmin firstAdmin) {
    var environment = new java.util.HashMap<>(settings.applicationEnvironment(System.getenv()));
    environment.putAll(firstAdmin.environment());
    return environment;
  }

  private static void printUrls(String base, Path data) {
    System.out.println();
    System.out.println("iys is ready:");
    System.out.println("  REST API       " + base + "/api");
    System.out.println("  staff screens  " + base + "/staff/");
    System.out.println("  citizen page   " + base + "/citizen/index.xhtml");
    System.out.println("  health         " + base + "/health");
    System.out.println("  OpenAPI        " + base + "/openapi");
    System.out.println(
        "Codes and notices to citizens are written to "
            + data.resolve("outbox")
            + " unless iys.outbox.gateway names a real gateway.");
    System.out.println("Press Ctrl-C to stop.");
  }

  private static Path runtimeDirectory() throws Exception {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().resolve("runtime");
  }

  /** What has been started, so a shutdown stops exactly that, newest first. */
  private static final class Stack {
    private EmbeddedDatabase database;

    private EmbeddedBroker broker;

    private PayaraMicro micro;

    void close() {
      try {
        if (micro != null) {
          micro.close();
        }
        if (broker != null) {
          broker.close();
        }
        if (database != null) {
          database.close();
        }
      } catch (Exception e) {
        System.err.println("iys: stopping failed: " + e);
      }
    }
  }
}
