package org.iys.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where iys finds its database and broker. Every key can come from {@code iys.properties} in the
 * working directory (or the file named by {@code IYS_CONFIG}) and be overridden by an environment
 * variable of the same name in upper case with dots as underscores ({@code db.url} becomes {@code
 * IYS_DB_URL}). A blank {@code db.url} or {@code broker.host} means "start one embedded".
 */
public record Settings(Map<String, String> values) {

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("http.port", "8080"),
          Map.entry("data.dir", ".iys-data"),
          Map.entry("db.url", ""),
          Map.entry("db.port", "3307"),
          Map.entry("db.name", "iys"),
          Map.entry("db.user", "iys"),
          Map.entry("db.password", "iys"),
          Map.entry("broker.host", ""),
          Map.entry("broker.port", "61616"),
          Map.entry("broker.user", "iys"),
          Map.entry("broker.password", "iys"),
          Map.entry("micro.heap", "1g"),
          Map.entry("admin.username", "admin"),
          Map.entry("admin.password", ""),
          Map.entry("registry.clock", ""));

  /**
   * Settings the application itself reads through MicroProfile Config as {@code iys.<key>}. The
   * server inherits the launcher's environment, so {@code IYS_ADMIN_PASSWORD} and the like reach it
   * as they are; values from the settings file are handed over the same way by {@link
   * #applicationEnvironment}, in the environment rather than on the command line, where any local
   * user could read a password.
   */
  static final java.util.List<String> APPLICATION_KEYS =
      java.util.List.of(
          // admin.* travel with the first administrator's account (FirstAdmin), not from here.
          "ratelimit.requests-per-second",
          "ratelimit.token-requests-per-hour",
          "ratelimit.status-queries-per-hour",
          "ratelimit.history-queries-per-hour",
          "changes.embargo-minutes",
          "citizen.sms-gateway-secret",
          "citizen.public-url",
          "citizen.codes-per-address-per-hour",
          "citizen.codes-per-client-per-hour",
          "outbox.gateway",
          "push.credential-key",
          "push.allow-http");

  public static Settings load(Map<String, String> environment) throws IOException {
    var merged = new java.util.HashMap<>(DEFAULTS);
    merged.putAll(fileValues(environment));
    for (String key : DEFAULTS.keySet()) {
      String fromEnvironment = environment.get(environmentName(key));
      if (fromEnvironment != null) {
        merged.put(key, fromEnvironment);
      }
    }
    return new Settings(Map.copyOf(merged));
  }

  public static Settings of(Map<String, String> overrides) {
    var merged = new java.util.HashMap<>(DEFAULTS);
    merged.putAll(overrides);
    return new Settings(Map.copyOf(merged));
  }

  public String get(String key) {
    return values.getOrDefault(key, "");
  }

  public int port(String key) {
    return Integer.parseInt(get(key));
  }

  public boolean embeddedDatabase() {
    return get("db.url").isBlank();
  }

  public boolean embeddedBroker() {
    return get("broker.host").isBlank();
  }

  public Path dataDir() {
    return Path.of(get("data.dir")).toAbsolutePath();
  }

  /**
   * The application settings given in the settings file, as the environment variables MicroProfile
   * Config maps to {@code iys.<key>}; a variable already set in the launcher's environment wins.
   */
  public Map<String, String> applicationEnvironment(Map<String, String> environment) {
    var forwarded = new java.util.HashMap<String, String>();
    for (String key : APPLICATION_KEYS) {
      String name = environmentName(key);
      String value = values.get(key);
      if (value != null && !value.isBlank() && !environment.containsKey(name)) {
        forwarded.put(name, value);
      }
    }
    // Reject links in ONAY notices must lead back to this server, wherever its port is.
    String publicUrl = environmentName("citizen.public-url");
    if (!forwarded.containsKey(publicUrl) && !environment.containsKey(publicUrl)) {
      forwarded.put(publicUrl, "http://127.0.0.1:" + get("http.port"));
    }
    // Run by hand, there is no SMS or e-mail provider: messages land in files one can read.
    String gateway = environmentName("outbox.gateway");
    if (!forwarded.containsKey(gateway) && !environment.containsKey(gateway)) {
      forwarded.put(gateway, "directory");
    }
    return Map.copyOf(forwarded);
  }

  /**
   * System properties the server must be started with. The registry clock is read by the
   * application as a system property, not through MicroProfile Config, so {@code registry.clock}
   * travels on the server's command line: {@code settable} lets tests set the time, blank or {@code
   * system} keeps the system clock. Anything else is refused, so a misspelt value cannot silently
   * leave the clock fixed or unfixed against the operator's intent.
   */
  public java.util.List<String> serverSystemProperties() {
    String clock = get("registry.clock").strip();
    return switch (clock) {
      case "", "system" -> java.util.List.of();
      case "settable" -> java.util.List.of("-Diys.registry.clock=settable");
      default ->
          throw new IllegalArgumentException(
              "registry.clock must be settable or system, not " + clock);
    };
  }

  static String environmentName(String key) {
    return "IYS_" + key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> fileValues(Map<String, String> environment)
      throws IOException {
    Path file = Path.of(environment.getOrDefault("IYS_CONFIG", "iys.properties"));
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    var values = new java.util.HashMap<String, String>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    return values;
  }
}
