import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * any integrator would. Compiled with {@code BenchBusiness} and run as {@code ConsentLoad
 * http://127.0.0.1:PORT [threads] [seconds]} (see consent-api.sh), the admin password in {@code
 * IYS_ADMIN_PASSWORD}.
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
    BenchBusiness business = BenchBusiness.register(client, base, adminPassword);
    token = business.token;
    int iysCode = business.iysCode;
    consents = base + "/api/sps/" + iysCode + "/brands/" + iysCode + "/consents";
    System.out.printf(Locale.ROOT, "business %d approved; load average before: %s%n",
        iysCode, loadAverage());

    run(client, threads, 10, 1_000_000, "warm-up");
    long serverMillisBefore = ServerCpu.millis();
    long clientNanosBefore = clientCpuNanos();
    Result measured = run(client, threads, seconds, 2_000_000, "measured");
    long serverMillis = ServerCpu.millis() - serverMillisBefore;
    long clientNanos = clientCpuNanos() - clientNanosBefore;
    System.out.printf(Locale.ROOT,
        "single adds: %.0f per second (%d threads, %d s); latency p50 %.1f ms, p99 %.1f ms;"
            + " load average %s%n",
        measured.perSecond(), threads, seconds, measured.percentile(50) / 1e6,
        measured.percentile(99) / 1e6, loadAverage());
    if (serverMillis > 0 && measured.count() > 0) {
      double serverMs = (double) serverMillis / measured.count();
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

  /** User and system CPU ticks of the server's processes, named by the script in IYS_BENCH_PIDS. */
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
