package org.iys.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iys.launcher.InDoubtBranches;
import org.iys.launcher.PayaraMicro;
import org.iys.launcher.PostBootCommands;

/**
 * A Payara Micro of a test's own on the test database and broker, for tests that kill a server and
 * start the next one on the same port and files, as an operator's restart after a crash would.
 */
final class OwnServer {

  // On a busy two-core machine a cold start has taken close to three minutes.
  private static final Duration PATIENCE = Duration.ofMinutes(6);

  private final Path home;

  private final Path postBoot;

  private final int port;

  private final String heap;

  private final String name;

  private OwnServer(Path home, Path postBoot, int port, String heap, String name) {
    this.home = home;
    this.postBoot = postBoot;
    this.port = port;
    this.heap = heap;
    this.name = name;
  }

  /** Files in a fresh scratch directory and a free port, kept for every start. */
  static OwnServer prepared(String name, String heap) throws IOException {
    Path home = TestStack.scratch("iys-" + name + "-");
    Path postBoot =
        new PostBootCommands()
            .broker("127.0.0.1", TestStack.brokerPort(), TestStack.USER, TestStack.PASSWORD)
            .adapter(TestStack.runtime().resolve("iys-artemis-rar.rar"))
            .database(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD)
            .deploy(TestStack.runtime().resolve("iys-micro-war.war"))
            .writeTo(home.resolve("post-boot-commands.txt"));
    return new OwnServer(home, postBoot, freePort(), heap, name);
  }

  /**
   * Starts a server and waits until the application answers healthy. As the launcher does, first
   * rolls back the branches a killed predecessor left prepared.
   */
  PayaraMicro start() throws Exception {
    String name = PayaraMicro.transactionName(port);
    InDoubtBranches.settleBroker(
        "127.0.0.1", TestStack.brokerPort(), TestStack.USER, TestStack.PASSWORD, name);
    InDoubtBranches.settleDatabase(TestStack.jdbcUrl(), TestStack.USER, TestStack.PASSWORD, name);
    PayaraMicro micro =
        PayaraMicro.start(
            TestStack.runtime().resolve("payara-micro.jar"),
            TestStack.runtime().resolve("mariadb-java-client.jar"),
            postBoot,
            port,
            heap,
            List.of(
                "-Diys.data.dir=" + home.resolve("data"),
                "-Diys.instance.name=" + name,
                "-Diys.admin.password=" + Businesses.ADMIN_PASSWORD),
            Map.of());
    if (!micro.awaitHealthy(PATIENCE)) {
      micro.kill();
      throw new IllegalStateException("the " + name + " server did not become healthy");
    }
    return micro;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
