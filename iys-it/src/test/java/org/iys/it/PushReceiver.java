package org.iys.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A business's push address for the tests, on loopback: demands Basic authentication, can refuse or
 * stall its first deliveries, and records what it accepted and when each delivery arrived.
 */
final class PushReceiver implements AutoCloseable {

  static final String USER = "pushuser";
  static final String PASSWORD = "push-secret";

  private static final String SAMPLE_ID = "0".repeat(64);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final boolean demandsCredentials;
  private final AtomicInteger failuresLeft;
  private final AtomicInteger stallsLeft;
  private final long stallMillis;
  private final AtomicInteger samplesReceived = new AtomicInteger();
  private boolean silent;

  /** Arrival times (ms) of every delivery attempt with credentials, samples excluded. */
  final List<Long> attempts = Collections.synchronizedList(new ArrayList<>());

  /** Transaction ids of deliveries answered 2xx in time, in order of arrival. */
  final List<String> accepted = Collections.synchronizedList(new ArrayList<>());

  private PushReceiver(boolean demandsCredentials, int failures, int stalls, long stallMillis) {
    this.demandsCredentials = demandsCredentials;
    this.failuresLeft = new AtomicInteger(failures);
    this.stallsLeft = new AtomicInteger(stalls);
    this.stallMillis = stallMillis;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.createContext("/push", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static PushReceiver healthy() {
    return new PushReceiver(true, 0, 0, 0);
  }

  static PushReceiver failingFirst(int failures) {
    return new PushReceiver(true, failures, 0, 0);
  }

  static PushReceiver stallingFirst(int stalls, long millis) {
    return new PushReceiver(true, 0, stalls, millis);
  }

  /** Answers nothing for 7 seconds, to anyone. */
  static PushReceiver silent() {
    PushReceiver receiver = new PushReceiver(true, 0, 0, 0);
    receiver.silent = true;
    return receiver;
  }

  static PushReceiver withoutAuthentication() {
    return new PushReceiver(false, 0, 0, 0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
  }

  int samplesReceived() {
    return samplesReceived.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (silent) {
        sleep(7_000);
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      if (demandsCredentials
          && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      List<String> ids = transactionIds(body);
      if (ids.contains(SAMPLE_ID)) {
        samplesReceived.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      attempts.add(System.currentTimeMillis());
      if (stallsLeft.getAndDecrement() > 0) {
        sleep(stallMillis);
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      if (failuresLeft.getAndDecrement() > 0) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      accepted.addAll(ids);
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static List<String> transactionIds(String body) {
    JsonObject json = Json.createReader(new StringReader(body)).readObject();
    List<String> ids = new ArrayList<>();
    for (JsonValue item : json.getJsonArray("list")) {
      ids.add(item.asJsonObject().getString("transactionId"));
    }
    return ids;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
