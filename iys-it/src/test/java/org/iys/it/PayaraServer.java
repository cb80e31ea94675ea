package org.iys.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A Payara Server domain of its own, created fresh from the unpacked distribution on a block of
 * free ports, confined to loopback before its first start, driven by asadmin and stopped by it or,
 * failing that, by the process id it wrote.
 */
final class PayaraServer implements AutoCloseable {

  private static final String DOMAIN = "iys";

  private static final String LOOPBACK = "127.0.0.1";

  /** create-domain --portbase uses offsets below 100: admin +48, HTTP +80, IIOP +37 and so on. */
  private static final int PORT_BLOCK = 100;

  private static final Pattern FAILED = Pattern.compile("(?m)^Command \\S+ failed\\.");

  private final Path installation;

  private final Path domains;

  private final int portBase;

  private final Path transcript;

  private long pid = -1;

  private Thread reaper;

  private PayaraServer(Path installation, Path domains, int portBase) {
    this.installation = installation;
    this.domains = domains;
    this.portBase = portBase;
    this.transcript = domains.resolve("asadmin.log");
  }

  /**
   * Creates the domain and confines it: phone-home, the data grid and the bundled message broker
   * off, every listener on loopback, and the given libraries and JVM system properties in place
   * before the server first runs.
   */
  static PayaraServer create(
      Path installation, Path domains, List<Path> libraries, Map<String, String> properties)
      throws IOException {
    Files.createDirectories(domains);
    var server = new PayaraServer(installation, domains, freePortBlock());
    server.asadmin(
        Duration.ofMinutes(2),
        "create-domain",
        "--portbase",
        Integer.toString(server.portBase),
        "--nopassword",
        "--domaindir",
        domains.toString(),
        DOMAIN);
    server.confine(properties);
    Path lib = server.domain().resolve("lib");
    Files.createDirectories(lib);
    for (Path library : libraries) {
      // What add-library --type common does, done before the first start to save a restart.
      Files.copy(library, lib.resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return server;
  }

  int httpPort() {
    return portBase + 80;
  }

  int adminPort() {
    return portBase + 48;
  }

  Path domain() {
    return domains.resolve(DOMAIN);
  }

  Path serverLog() {
    return domain().resolve("logs").resolve("server.log");
  }

  void start() throws IOException {
    reaper = new Thread(this::kill, "payara-server-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      asadmin(Duration.ofMinutes(3), "start-domain", "--domaindir", domains.toString(), DOMAIN);
    } finally {
      Path pidFile = domain().resolve("config").resolve("pid");
      if (Files.exists(pidFile)) {
        pid = Long.parseLong(Files.readString(pidFile).trim());
      }
    }
  }

  /** Runs the commands in one asadmin session; any that fails fails the whole call. */
  String admin(List<String> commands) throws IOException {
    Path file = Files.createTempFile(domains, "commands-", ".txt");
    Files.write(file, commands, StandardCharsets.UTF_8);
    return remote(Duration.ofMinutes(4), "multimode", "--file", file.toString());
  }

  String remote(Duration timeout, String... command) throws IOException {
    var arguments = new ArrayList<String>();
    arguments.addAll(
        List.of(
            "--host",
            LOOPBACK,
            "--port",
            Integer.toString(adminPort()),
            "--interactive=false",
            "--echo=true"));
    arguments.addAll(List.of(command));
    return asadmin(timeout, arguments.toArray(String[]::new));
  }

  /** The server log from its last start, for a failure message. */
  String serverLogTail(int lines) {
    try {
      List<String> all = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no server log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      asadmin(Duration.ofMinutes(1), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
    } catch (IOException | RuntimeException e) {
      System.err.println("stop-domain failed, stopping process " + pid + ": " + e.getMessage());
    }
    kill();
    if (reaper != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running and does the same.
      }
    }
  }

  private void kill() {
    if (pid < 0) {
      return;
    }
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              process.destroy();
              try {
                process.onExit().get(20, TimeUnit.SECONDS);
              } catch (Exception notYet) {
                process.destroyForcibly();
              }
            });
  }

  private String asadmin(Duration timeout, String... arguments) throws IOException {
    var command = new ArrayList<String>();
    command.add(installation.resolve("bin").resolve("asadmin").toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile(domains, "asadmin-", ".out");
    // Output goes to a file, not a pipe: start-domain leaves a server behind that may hold the
    // pipe open long after asadmin itself has exited.
    var builder =
        new ProcessBuilder(command)
            .directory(domains.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "asadmin " + arguments[0] + " did not finish within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    Files.writeString(
        transcript,
        "$ asadmin " + String.join(" ", arguments) + "\n" + text + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    if (process.exitValue() != 0 || FAILED.matcher(text).find()) {
      throw new IllegalStateException(
          "asadmin " + String.join(" ", arguments) + " failed:\n" + text);
    }
    return text;
  }

  private void confine(Map<String, String> properties) throws IOException {
    Path file = domain().resolve("config").resolve("domain.xml");
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      Element config = serverConfig(document);

      child(document, config, "phone-home-runtime-configuration").setAttribute("enabled", "false");
      child(document, config, "hazelcast-config-specific-configuration")
          .setAttribute("enabled", "false");
      // Artemis is the broker; the bundled one would otherwise listen on all interfaces.
      child(document, config, "jms-service").setAttribute("type", "DISABLED");
      for (String listener : List.of("network-listener", "iiop-listener", "jmx-connector")) {
        NodeList found = config.getElementsByTagName(listener);
        for (int i = 0; i < found.getLength(); i++) {
          ((Element) found.item(i)).setAttribute("address", LOOPBACK);
        }
      }
      Element java = (Element) config.getElementsByTagName("java-config").item(0);
      var options = new ArrayList<String>();
      options.add("-Dhazelcast.phone.home.enabled=false");
      options.add("-Djava.net.preferIPv4Stack=true");
      properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
      for (String option : options) {
        Element element = document.createElement("jvm-options");
        element.setTextContent(option);
        java.appendChild(element);
      }

      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("domain.xml of the new domain could not be edited", e);
    }
  }

  private static Element serverConfig(Document document) {
    NodeList configs = document.getElementsByTagName("config");
    for (int i = 0; i < configs.getLength(); i++) {
      Element config = (Element) configs.item(i);
      if ("server-config".equals(config.getAttribute("name"))) {
        return config;
      }
    }
    throw new IllegalStateException("domain.xml has no server-config");
  }

  private static Element child(Document document, Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && name.equals(element.getTagName())) {
        return element;
      }
    }
    Element created = document.createElement(name);
    parent.appendChild(created);
    return created;
  }

  /**
   * A base for a block of ports that are all free now. It is drawn below the kernel's ephemeral
   * range, so the free ports the rest of the suite asks for do not land inside it.
   */
  private static int freePortBlock() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + PORT_BLOCK * ThreadLocalRandom.current().nextInt(120);
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of " + PORT_BLOCK + " loopback ports found");
  }

  private static boolean allFree(int base) {
    for (int port = base; port < base + PORT_BLOCK; port++) {
      try (var socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Payara Server domain %s on ports %d+", domain(), portBase);
  }
}
