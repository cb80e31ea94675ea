package org.iys.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The asadmin commands Payara Micro runs after boot: the Artemis adapter first (an MDB whose
 * adapter arrives later never receives anything), then the server-level JMS and JDBC resources the
 * application looks up by name, then the batch job repository on the same database.
 */
public final class PostBootCommands {

  public static final String ADAPTER = "iys-artemis-rar";

  /**
   * How long a call to the broker (a send, a commit, a connection's set-up) may wait, also while
   * the client is reconnecting to a broker that went away. Without it a request whose message the
   * broker cannot take holds its HTTP thread forever; with it the request fails and is answered
   * with 503 (IYS015).
   */
  public static final long BROKER_CALL_TIMEOUT_MS = 10_000;

  private final List<String> lines = new ArrayList<>();

  private String brokerCredentials = "";

  /** Must come before {@link #adapter}: the adapter reads its configuration when it starts. */
  public PostBootCommands broker(String host, int port, String user, String password) {
    brokerCredentials = "UserName=" + escape(user) + ":Password=" + escape(password);
    lines.add(
        "create-resource-adapter-config --property "
            + "ConnectionParameters="
            + escape("host=" + host + ";port=" + port)
            + ":UserName="
            + escape(user)
            + ":Password="
            + escape(password)
            + brokerTimeouts()
            + " "
            + ADAPTER);
    return this;
  }

  public PostBootCommands adapter(Path rar) {
    lines.add("deploy --type rar --name " + ADAPTER + " " + rar.toAbsolutePath());
    lines.add(
        "create-connector-connection-pool --raname "
            + ADAPTER
            + " --connectiondefinition jakarta.jms.ConnectionFactory"
            + " --transactionsupport XATransaction --maxpoolsize 64"
            // Consumers on pooled connections take complaints in batches and close after each;
            // without a window of zero each would fetch far more than it takes and hand the
            // rest back.
            + " --property "
            + brokerCredentials
            + ":ConsumerWindowSize=0"
            + ":CallTimeout="
            + BROKER_CALL_TIMEOUT_MS
            // A sending connection that lost the broker fails rather than reconnecting under a
            // waiting request; the pool replaces it. Consumers reconnect through their activation.
            + ":ReconnectAttempts=0:InitialConnectAttempts=1"
            + " jms/iysPool");
    lines.add("create-connector-resource --poolname jms/iysPool jms/iys");
    return this;
  }

  public PostBootCommands database(String jdbcUrl, String user, String password) {
    String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "useMysqlMetadata=true";
    lines.add(
        "create-jdbc-connection-pool --datasourceclassname org.mariadb.jdbc.MariaDbDataSource"
            + " --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 64"
            + " --isconnectvalidatereq true --validationmethod auto-commit"
            // Read committed: a locking read of a key that has no row yet takes no gap lock, so
            // first movements on different keys never deadlock each other.
            + " --isolationlevel read-committed"
            // Validating on every borrow costs two round trips per lookup on the sending check's
            // hot path; once a minute per connection still weeds out dead ones.
            + " --validateatmostonceperiod 60 --statementcachesize 64"
            // A request thread keeps the connection it used last, so the sending check's single
            // lookup skips the pool's search; the pool takes idle ones back when it runs short.
            + " --associatewiththread true"
            + " --property url="
            + escape(url)
            + ":user="
            + escape(user)
            + ":password="
            + escape(password)
            + " iysPool");
    lines.add("create-jdbc-resource --connectionpoolid iysPool jdbc/iys");
    // Without the schema name the batch runtime switches pooled connections to a database
    // called "test", and the application's next queries on them fail.
    lines.add(
        "set-batch-runtime-configuration --datasourcelookupname jdbc/iys --schemaname "
            + databaseName(jdbcUrl));
    return this;
  }

  public PostBootCommands deploy(Path war) {
    lines.add("deploy --name iys --contextroot / " + war.toAbsolutePath());
    return this;
  }

  public Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  static String databaseName(String jdbcUrl) {
    String path = jdbcUrl.replaceFirst("^jdbc:[a-z]+://[^/]+/", "");
    int end = path.indexOf('?');
    return end < 0 ? path : path.substring(0, end);
  }

  // The pool repeats the call timeout, since an outbound factory's own properties come before the
  // adapter's; the failover bound can be set on the adapter only, and its factories inherit it.
  private static String brokerTimeouts() {
    return ":CallTimeout="
        + BROKER_CALL_TIMEOUT_MS
        + ":CallFailoverTimeout="
        + BROKER_CALL_TIMEOUT_MS;
  }

  /** asadmin splits property lists on ':' and pairs on '='; both must be escaped in values. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }
}
