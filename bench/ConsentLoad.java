import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * HTTP load for the consent API, aimed at a local iys only: sustained single adds per second, then
 * the time from submitting a 1000-item bulk list to its complete result. Run with the source
 * launcher: {@code java bench/ConsentLoad.java http://127.0.0.1:PORT [threads] [seconds]}.
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
    String consents = base + "/api/sps/800001/brands/800001/consents";

    run(client, consents, threads, 5, 1_000_000, "warm-up");
    double perSecond = run(client, consents, threads, seconds, 2_000_000, "measured");
    System.out.printf(Locale.ROOT, "single adds: %.0f per second (%d threads, %d s)%n",
        perSecond, threads, seconds);

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
                  HttpRequest.newBuilder(URI.create(consents + "/request/" + requestId)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } while (results.contains("\"enqueue\"") || results.equals("[]"));
    double bulkSeconds = (System.nanoTime() - start) / 1e9;
    long failures = results.split("\"failure\"", -1).length - 1;
    System.out.printf(Locale.ROOT,
        "bulk of 1000: complete result after %.2f s (%d failures)%n", bulkSeconds, failures);
  }

  private static double run(
      HttpClient client, String consents, int threads, int seconds, int firstNumber, String label)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong next = new AtomicLong(firstNumber);
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (!stop.get()) {
                  String phone = String.format(Locale.ROOT, "+90532%07d", next.getAndIncrement());
                  try {
                    int status = send(client, consents, consent(phone)).statusCode();
                    (status == 200 ? ok : failed).incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
                done.countDown();
              });
      workers.add(worker);
      worker.start();
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long okAtStop = ok.get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    done.await();
    System.out.printf(Locale.ROOT, "%s: %d ok, %d failed%n", label, ok.get(), failed.get());
    return okAtStop / elapsed;
  }

  private static HttpResponse<String> send(HttpClient client, String url, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
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
