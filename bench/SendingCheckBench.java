import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load client for the sending-check benchmark. Loads 1M consents into the database, then measures,
 * one phase after the other at the same concurrency: the trivial endpoint, the single check, and
 * plain JDBC point lookups of the same keys; then the bulk check. HTTP goes over raw keep-alive
 * sockets with a hand-written request and a minimal response reader, so that the client, which
 * shares the machine's cores with the server and the database, costs as little CPU as possible;
 * its own CPU time is measured and printed for every phase.
 *
 * <p>Arguments: baseUrl jdbcUrl user password [seconds per phase]. Traffic goes to loopback only.
 */
public final class SendingCheckBench {

  /** The benchmark's own business; its master brand has the same code. */
  static int brand;

  static String token;
  static final int KEYS = 1_111_112; // every tenth key has no row: 1,000,000 rows
  static final int CONCURRENCY = 16;

  static String host;
  static int port;

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
    }
    host = base.getHost();
    port = base.getPort();
    String jdbc = args[1];
    String user = args[2];
    String password = args[3];
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

    String adminPassword = System.getenv("IYS_ADMIN_PASSWORD");
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalArgumentException("set IYS_ADMIN_PASSWORD to the server's admin password");
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    BenchBusiness business = BenchBusiness.register(http, args[0], adminPassword);
    brand = business.iysCode;
    token = business.token;
    load(jdbc, user, password);

    System.out.println("warming up (server JIT, buffer pool)...");
    run("ping", seconds / 2, SendingCheckBench::ping);
    run("single", seconds / 2, SendingCheckBench::single);
    runJdbc(jdbc, user, password, seconds / 2);

    System.out.println();
    System.out.printf(Locale.ROOT, "measuring, %d connections, %d s per phase%n", CONCURRENCY, seconds);
    // Other load on the machine comes and goes; alternating the phases and comparing each ping
    // with the single check right after it keeps the comparison fair.
    List<Result> results = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      Result ping = run("ping", seconds, SendingCheckBench::ping);
      Result single = run("single", seconds, SendingCheckBench::single);
      Result jdbcLookups = runJdbc(jdbc, user, password, seconds);
      results.addAll(List.of(ping, single, jdbcLookups));
      pairs.add(
          new double[] {
            single.rate / ping.rate,
            single.p99Millis / ping.p99Millis,
            ping.serverCpuMillis / single.serverCpuMillis
          });
    }
    double bulk = bulk(base, 100_000, 2, 5);

    System.out.println();
    System.out.println("== results ==");
    results.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "bulk check   %,.0f addresses/s (target >= 100,000)%n", bulk);
    for (double[] pair : pairs) {
      System.out.printf(
          Locale.ROOT,
          "single vs ping: rate ratio %.2f (target >= 0.80), p99 ratio %.2f (target <= 1.50),"
              + " server CPU per call ratio %.2f%n",
          pair[0],
          pair[1],
          pair[2]);
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    System.out.printf(
        Locale.ROOT,
        "median rate ratio %.2f, its p99 ratio %.2f%n",
        pairs.get(1)[0],
        pairs.get(1)[1]);
  }

  // ---- loading ------------------------------------------------------------------------------

  static void load(String jdbc, String user, String password) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbc + "?allowLocalInfile=true", user, password);
        Statement s = db.createStatement()) {
      try (ResultSet r =
          s.executeQuery("SELECT COUNT(*) FROM consent WHERE brand_code = " + brand)) {
        r.next();
        if (r.getLong(1) >= 1_000_000) {
          System.out.println("1,000,000 consents already loaded");
          return;
        }
      }
      Path csv = Files.createTempFile("iys-bench-", ".csv");
      long start = System.nanoTime();
      try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
        for (int i = 0; i < KEYS; i++) {
          if (i % 10 == 9) {
            continue;
          }
          String status = i % 10 < 7 ? "ONAY" : "RET";
          String date = i % 10 == 8 ? "2026-01-05 09:00:00" : "2024-03-01 09:00:00";
          out.write(
              String.format(
                  Locale.ROOT,
                  "0\t%d\t%d\t%s\tBIREYSEL\tMESAJ\t%s\tHS_WEB\t%s\t%s\t%064x%n",
                  brand, brand, phone(i), status, date, date, i));
        }
      }
      s.execute("DELETE FROM consent WHERE brand_code = " + brand);
      s.execute(
          "LOAD DATA LOCAL INFILE '"
              + csv.toAbsolutePath()
              + "' INTO TABLE consent (version, iys_code, brand_code, recipient, recipient_type,"
              + " type, status, source, consent_date, creation_date, transaction_id)");
      s.execute("ANALYZE TABLE consent");
      Files.delete(csv);
      System.out.printf(
          Locale.ROOT,
          "loaded 1,000,000 consents in %.1f s%n",
          (System.nanoTime() - start) / 1e9);
    }
  }

  static String phone(int i) {
    return String.format(Locale.ROOT, "+90532%07d", i);
  }

  // ---- phases -------------------------------------------------------------------------------

  interface Call {
    void call(Client client) throws IOException;
  }

  static void ping(Client client) throws IOException {
    client.get("/api/ping");
  }

  static void single(Client client) throws IOException {
    int key = ThreadLocalRandom.current().nextInt(KEYS);
    client.post(
        "/api/sps/" + brand + "/brands/" + brand + "/sending-check",
        "{\"type\":\"MESAJ\",\"recipient\":\"" + phone(key) + "\",\"recipientType\":\"BIREYSEL\"}");
  }

  static Result run(String name, int seconds, Call call) throws Exception {
    Meter meter = new Meter(name);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < CONCURRENCY; t++) {
      int index = t;
      threads.add(
          started(
                  () -> {
                    try (Client client = new Client()) {
                      meter.loop(index, () -> call.call(client));
                    }
                  }));
    }
    return meter.measure(seconds, threads);
  }

  static Thread started(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }

  static Result runJdbc(String jdbc, String user, String password, int seconds) throws Exception {
    Meter meter = new Meter("jdbc");
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < CONCURRENCY; t++) {
      int index = t;
      threads.add(
          started(
                  () -> {
                    try (Connection db = DriverManager.getConnection(jdbc, user, password);
                        PreparedStatement q =
                            db.prepareStatement(
                                "SELECT status, consent_date, creation_date FROM consent"
                                    + " WHERE brand_code = ? AND recipient = ?"
                                    + " AND recipient_type = ? AND type = ?")) {
                      meter.loop(
                          index,
                          () -> {
                            q.setInt(1, brand);
                            q.setString(2, phone(ThreadLocalRandom.current().nextInt(KEYS)));
                            q.setString(3, "BIREYSEL");
                            q.setString(4, "MESAJ");
                            try (ResultSet r = q.executeQuery()) {
                              r.next();
                            }
                          });
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
    }
    return meter.measure(seconds, threads);
  }

  static double bulk(URI base, int size, int parallel, int rounds) throws Exception {
    StringBuilder body = new StringBuilder("{\"type\":\"MESAJ\",\"recipients\":[");
    int offset = ThreadLocalRandom.current().nextInt(KEYS - size);
    for (int i = 0; i < size; i++) {
      body.append(i == 0 ? "\"" : ",\"").append(phone(offset + i)).append('"');
    }
    String json = body.append("]}").toString();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = base.resolve("/api/sps/" + brand + "/brands/" + brand + "/sending-check/bulk");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    client.send(request, HttpResponse.BodyHandlers.ofString()); // warm-up
    long start = System.nanoTime();
    long refused = 0;
    for (int round = 0; round < rounds; round++) {
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int p = 0; p < parallel; p++) {
        calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      for (var call : calls) {
        HttpResponse<String> response = call.get();
        if (response.statusCode() != 200) {
          throw new IllegalStateException("bulk check answered " + response.statusCode());
        }
        refused += response.body().split("\"reason\"", -1).length - 1;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = (double) size * parallel * rounds / seconds;
    System.out.printf(
        Locale.ROOT,
        "bulk: %d requests of %,d addresses (%d at a time) in %.2f s, %,d refused in total%n",
        parallel * rounds, size, parallel, seconds, refused);
    return rate;
  }

  // ---- measuring ----------------------------------------------------------------------------

  record Result(String name, long calls, double rate, double p50Millis, double p99Millis,
      double clientCpuShare, double serverCpuMillis) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-8s %,10d calls  %,8.0f /s  p50 %6.2f ms  p99 %6.2f ms  client CPU %4.1f%% of machine"
              + "  server CPU %.3f ms/call",
          name, calls, rate, p50Millis, p99Millis, clientCpuShare * 100, serverCpuMillis);
    }
  }

  interface Work {
    void run() throws Exception;
  }

  /** Per-thread latency arrays, so recording costs no synchronisation. */
  static final class Meter {
    final String name;
    final AtomicBoolean recording = new AtomicBoolean();
    final AtomicBoolean stop = new AtomicBoolean();
    final long[][] samples = new long[CONCURRENCY][];
    final int[] counts = new int[CONCURRENCY];

    Meter(String name) {
      this.name = name;
      for (int i = 0; i < CONCURRENCY; i++) {
        samples[i] = new long[1 << 16];
      }
    }

    void loop(int index, Work work) {
      try {
        while (!stop.get()) {
          long begin = System.nanoTime();
          work.run();
          long took = System.nanoTime() - begin;
          if (recording.get()) {
            if (counts[index] == samples[index].length) {
              samples[index] = Arrays.copyOf(samples[index], samples[index].length * 2);
            }
            samples[index][counts[index]++] = took;
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(name + " failed", e);
      }
    }

    Result measure(int seconds, List<Thread> threads) throws Exception {
      Thread.sleep(1_000); // connections open, steady state
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long serverBefore = ServerCpu.millis();
      long start = System.nanoTime();
      recording.set(true);
      Thread.sleep(seconds * 1_000L);
      recording.set(false);
      long elapsed = System.nanoTime() - start;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      long server = ServerCpu.millis() - serverBefore;
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      int total = Arrays.stream(counts).sum();
      long[] all = new long[total];
      int at = 0;
      for (int i = 0; i < CONCURRENCY; i++) {
        System.arraycopy(samples[i], 0, all, at, counts[i]);
        at += counts[i];
      }
      Arrays.sort(all);
      double share = (double) cpu / elapsed / Runtime.getRuntime().availableProcessors();
      Result result =
          new Result(
              name,
              total,
              total / (elapsed / 1e9),
              all[(int) (total * 0.50)] / 1e6,
              all[Math.min(total - 1, (int) (total * 0.99))] / 1e6,
              share,
              total == 0 ? 0 : (double) server / total);
      System.out.println(result);
      return result;
    }
  }

  /** One keep-alive HTTP/1.1 connection with a minimal response reader. */
  static final class Client implements AutoCloseable {
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final byte[] buffer = new byte[1 << 16];

    void get(String path) throws IOException {
      exchange(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    void post(String path, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer " + token + "\r\n"
              + "Content-Length: " + body.length + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      exchange(request);
    }

    private void exchange(byte[] request) throws IOException {
      for (int attempt = 0; ; attempt++) {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port));
          out = socket.getOutputStream();
          in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }
        try {
          out.write(request);
          out.flush();
          if (readResponse()) {
            close();
          }
          return;
        } catch (IOException e) {
          close();
          if (attempt > 0) {
            throw e;
          }
        }
      }
    }

    /** Reads one response; answers whether the server will close the connection. */
    private boolean readResponse() throws IOException {
      String headers = readHeaders();
      if (!headers.startsWith("HTTP/1.1 200")) {
        throw new IOException("unexpected answer: " + headers.lines().findFirst().orElse(""));
      }
      String lower = headers.toLowerCase(Locale.ROOT);
      int length = lower.indexOf("content-length:");
      if (length >= 0) {
        int end = lower.indexOf('\r', length);
        skip(Integer.parseInt(lower.substring(length + 15, end).trim()));
      } else if (lower.contains("transfer-encoding: chunked")) {
        while (true) {
          String size = readLine();
          int n = Integer.parseInt(size.trim().split(";")[0], 16);
          skip(n);
          readLine();
          if (n == 0) {
            break;
          }
        }
      }
      return lower.contains("connection: close");
    }

    private String readHeaders() throws IOException {
      StringBuilder headers = new StringBuilder(256);
      while (true) {
        String line = readLine();
        if (line.isEmpty()) {
          return headers.toString();
        }
        headers.append(line).append("\r\n");
      }
    }

    private String readLine() throws IOException {
      int n = 0;
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b == '\n') {
          break;
        }
        if (b != '\r' && n < buffer.length) {
          buffer[n++] = (byte) b;
        }
      }
      return new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    private void skip(int n) throws IOException {
      int left = n;
      while (left > 0) {
        int read = in.read(buffer, 0, Math.min(left, buffer.length));
        if (read < 0) {
          throw new IOException("connection closed");
        }
        left -= read;
      }
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the connection is being dropped anyway
        }
        socket = null;
      }
    }
  }
}
