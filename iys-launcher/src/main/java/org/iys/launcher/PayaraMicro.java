package org.iys.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Payara Micro as a child process, kept on loopback and off any cluster and phone-home. */
public final class PayaraMicro implements AutoCloseable {

  private final Process process;

  private final int port;

  private PayaraMicro(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static PayaraMicro start(
      Path microJar, Path driverJar, Path postBoot, int port, String heap, List<String> sysProps)
      throws IOException {
    return start(microJar, driverJar, postBoot, port, heap, sysProps, java.util.Map.of());
  }

  /**
   * Starts Micro with its transaction log in {@code transactions} beside the post-boot file (the
   * rest of the server is unpacked afresh each time, so a rebuilt application is what runs) and
   * with automatic transaction recovery. That recovery runs while Micro boots, before the post-boot
   * commands create the broker and database resources, so it never reaches a branch a crash left
   * prepared in the broker; callers settle those with {@link InDoubtBranches} before starting the
   * server. Its branches are named {@link #transactionName} so that they can be told from those of
   * other instances on the same broker.
   */
  public static PayaraMicro start(
      Path microJar,
      Path driverJar,
      Path postBoot,
      int port,
      String heap,
      List<String> sysProps,
      java.util.Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Dhazelcast.phone.home.enabled=false");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.addAll(sysProps);
    Path transactions = postBoot.resolveSibling("transactions");
    Path preBoot = postBoot.resolveSibling("pre-boot-commands.txt");
    Files.createDirectories(transactions);
    Files.writeString(
        preBoot,
        "set configs.config.server-config.transaction-service.automatic-recovery=true\n"
            + "set configs.config.server-config.transaction-service.tx-log-dir="
            + transactions.toAbsolutePath()
            + "\n"
            + "set configs.config.server-config.transaction-service.property.xa-servername="
            + transactionName(port)
            + "\n",
        StandardCharsets.UTF_8);
    command.addAll(
        List.of(
            "-jar",
            microJar.toString(),
            "--prebootcommandfile",
            preBoot.toString(),
            "--nocluster",
            "--disablephonehome",
            "--nohostaware",
            "--port",
            Integer.toString(port),
            "--addLibs",
            driverJar.toString(),
            "--postbootcommandfile",
            postBoot.toString()));
    // Secrets go through the environment, never the command line that any local user can list.
    var builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new PayaraMicro(process, port);
  }

  /**
   * The name that starts the branch qualifiers of this server's transactions. Payara's default is
   * the host name alone, which every instance on a host shares; the HTTP port tells them apart and
   * stays the same across restarts. Kept short, because Payara replaces a longer name by a hash.
   */
  public static String transactionName(int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      host = "localhost";
    }
    host = host.replaceAll("[^A-Za-z0-9.-]", "");
    return "iys-" + host.substring(0, Math.min(host.length(), 30)) + "-" + port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Waits until {@code /health} answers 200 with the application's own checks in it (before the
   * application is deployed the server alone reports UP), or the process dies, or the timeout
   * passes.
   */
  public boolean awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      if (healthy(client)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  /** Ends the server at once, as a crash or a power cut would: no shutdown hooks run. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  private boolean healthy(HttpClient client) throws InterruptedException {
    try {
      var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build();
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"database\"");
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
