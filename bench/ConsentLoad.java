import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load for the consent API, aimed at a local iys only: sustained single adds per second with
 * their latency, then the time from submitting a 1000-item bulk list to its complete result. It
 * first registers a business of its own (apply, approve as the first admin, API user, token), as
 * any integrator would. Run with the source launcher: {@code java bench/ConsentLoad.java
 * http://127.0.0.1:PORT [threads] [seconds]}, the admin password in {@code IYS_ADMIN_PASSWORD}.
 *
 * <p>The client runs on the same cores as the server, so its own cost is part of every figure.
 */
public class ConsentLoad {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  public static void main(String[] args) throws Exception {
    String base = args[0];
    if (!URI.create(base).getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("load is only sent to 127.0.0.1");
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String adminPassword = System.getenv("IYS_ADMIN_PASSWORD");
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalArgumentException("set IYS_ADMIN_PASSWORD to the server's admin password");
    }
    int iysCode = register(client, base, adminPassword);
    consents = base + "/api/sps/" + iysCode + "/brands/" + iysCode + "/consents";
    System.out.printf(Locale.ROOT, "business %d approved; load average before: %s%n",
        iysCode, loadAverage());

    run(client, threads, 10, 1_000_000, "warm-up");
    long serverTicksBefore = serverCpuTicks();
    long clientNanosBefore = clientCpuNanos();
    Result measured = run(client, threads, seconds, 2_000_000, "measured");
    long serverTicks = serverCpuTicks() - serverTicksBefore;
    long clientNanos = clientCpuNanos() - clientNanosBefore;
    System.out.printf(Locale.ROOT,
        "single adds: %.0f per second (%d threads, %d s); latency p50 %.1f ms, p99 %.1f ms;"
            + " load average %s%n",
        measured.perSecond(), threads, seconds, measured.percentile(50) / 1e6,
        measured.percentile(99) / 1e6, loadAverage());
    if (serverTicks > 0 && measured.count() > 0) {
      // CPU time per add hardly depends on how busy the machine is, unlike the rate: it tells
      // what the cores would carry with nothing else running.
      double serverMs = serverTicks * 1000.0 / clockTicks() / measured.count();
      double clientMs = clientNanos / 1e6 / measured.count();
      System.out.printf(Locale.ROOT,
          "CPU per add: server %.2f ms (application server, database, broker), client %.2f ms;"
              + " %d cores would carry about %.0f adds/s for the server alone%n",
          serverMs, clientMs, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors() * 1000 / serverMs);
    }

    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      list.append(i == 0 ? "" : ",").append(consent(String.format(Locale.ROOT, "+90535%07d", i)));
    }
    list.append("]");
    long start = System.nanoTime();
    var accepted = send(client, consents + "/request", list.toString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("bulk refused: " + accepted.statusCode() + accepted.body());
    }
    String requestId = accepted.body().replaceFirst("^.*\"requestId\":\"([^\"]+)\".*$", "$1");
    String results;
    do {
      Thread.sleep(50);
      results =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(consents + "/request/" + requestId))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } while (results.contains("\"enqueue\"") || results.equals("[]"));
    double bulkSeconds = (System.nanoTime() - start) / 1e9;
    long failures = results.split("\"failure\"", -1).length - 1;
    System.out.printf(Locale.ROOT,
        "bulk of 1000: complete result after %.2f s (%d failures); load average %s%n",
        bulkSeconds, failures, loadAverage());
  }

  private static String consents;

  private static String token;

  /** The sorted latencies of one run and its rate. */
  private record Result(double perSecond, long count, long[] sortedNanos) {
    double percentile(int p) {
      if (sortedNanos.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))];
    }
  }

  /** Applies, approves as staff, creates an API user and takes its token; answers the iysCode. */
  private static int register(HttpClient client, String base, String adminPassword)
      throws Exception {
    var applied = call(client, HttpRequest.newBuilder(URI.create(base + "/api/businesses/applications"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"title\":\"Yük Testi A.Ş.\",\"taxNumber\":\"" + taxNumber()
                + "\",\"mersisNumber\":\"0123456789012345\",\"address\":\"Test Cad. 1,"
                + " İstanbul\",\"email\":\"yuk@test.example\",\"phone\":\"+902161234567\"}")),
        201);
    String id = field(applied, "\"id\":([0-9]+)");
    String staff = "Basic " + Base64.getEncoder().encodeToString(
        ("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    var approved = call(client, HttpRequest.newBuilder(
            URI.create(base + "/api/staff/businesses/applications/" + id + "/approval"))
        .header("Content-Type", "application/json")
        .header("Authorization", staff)
        .POST(HttpRequest.BodyPublishers.ofString("{}")), 200);
    int iysCode = Integer.parseInt(field(approved, "\"iysCode\":([0-9]+)"));
    String username = "bench-" + iysCode;
    String password = Long.toHexString(new SecureRandom().nextLong()) + "-bench";
    call(client, HttpRequest.newBuilder(
            URI.create(base + "/api/staff/businesses/" + iysCode + "/api-users"))
        .header("Content-Type", "application/json")
        .header("Authorization", staff)
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")), 201);
    var issued = call(client, HttpRequest.newBuilder(URI.create(base + "/api/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8))), 200);
    token = field(issued, "\"access_token\":\"([^\"]+)\"");
    return iysCode;
  }

  private static String call(HttpClient client, HttpRequest.Builder request, int expected)
      throws Exception {
    var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.build().uri().getPath() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String field(String json, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in " + json);
    }
    return m.group(1);
  }

  /** A random tax number (VKN) whose check digit is right. */
  private static String taxNumber() {
    SecureRandom random = new SecureRandom();
    int[] digits = new int[10];
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      digits[i] = random.nextInt(10);
      int shifted = (digits[i] + 9 - i) % 10;
      int weighted = (shifted * (1 << (9 - i))) % 9;
      if (shifted != 0 && weighted == 0) {
        weighted = 9;
      }
      sum += weighted;
    }
    digits[9] = (10 - sum % 10) % 10;
    StringBuilder text = new StringBuilder();
    for (int d : digits) {
      text.append(d);
    }
    return text.toString();
  }

  /** User and system CPU ticks of the server's processes, named by the script in IYS_BENCH_PIDS. */
  private static long serverCpuTicks() {
    String pids = System.getenv().getOrDefault("IYS_BENCH_PIDS", "");
    long ticks = 0;
    for (String pid : pids.trim().split("\\s+")) {
      if (pid.isEmpty()) {
        continue;
      }
      try {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (Exception gone) {
        // a process that ended has nothing more to count
      }
    }
    return ticks;
  }

  private static long clockTicks() {
    return Long.parseLong(System.getenv().getOrDefault("IYS_BENCH_CLK_TCK", "100").trim());
  }

  private static long clientCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2] + " (" + Runtime.getRuntime()
          .availableProcessors() + " cores)";
    } catch (Exception unknown) {
      return "unknown";
    }
  }

  private static Result run(
      HttpClient client, int threads, int seconds, int firstNumber, String label)
      throws InterruptedException {
    List<long[]> perThread = new ArrayList<>();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong next = new AtomicLong(firstNumber);
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicLong firstFailure = new AtomicLong();
    for (int t = 0; t < threads; t++) {
      long[][] mine = {new long[1024]};
      int[] count = {0};
      Thread worker =
          new Thread(
              () -> {
                while (!stop.get()) {
                  String phone = String.format(Locale.ROOT, "+90532%07d", next.getAndIncrement());
                  long began = System.nanoTime();
                  try {
                    var response = send(client, consents, consent(phone));
                    if (response.statusCode() == 200) {
                      ok.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                      if (firstFailure.compareAndSet(0, 1)) {
                        System.out.println("first failure: " + response.statusCode() + " "
                            + response.body());
                      }
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                  if (measuring.get() && !stop.get()) {
                    if (count[0] == mine[0].length) {
                      mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - began;
                  }
                }
                synchronized (perThread) {
                  perThread.add(Arrays.copyOf(mine[0], count[0]));
                }
                done.countDown();
              });
      workers.add(worker);
      worker.start();
    }
    long okAtStart = ok.get();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long okAtStop = ok.get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    done.await();
    System.out.printf(Locale.ROOT, "%s: %d ok, %d failed%n", label, ok.get(), failed.get());
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result((okAtStop - okAtStart) / elapsed, okAtStop - okAtStart, all);
  }

  private static HttpResponse<String> send(HttpClient client, String url, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String consent(String phone) {
    String date =
        ZonedDateTime.now(ZoneId.of("Europe/Istanbul")).minusMinutes(1).format(WIRE);
    return "{\"type\":\"MESAJ\",\"source\":\"HS_WEB\",\"recipient\":\"" + phone
        + "\",\"status\":\"ONAY\",\"consentDate\":\"" + date + "\"}";
  }
}
