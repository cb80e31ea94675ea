import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk-import benchmark's client, aimed at a local iys only. In one run it imports a generated
 * file through the consent-import job (upload, job, report rows, everything a business gets) and
 * then writes the same rows with plain batched JDBC (movement insert and consent upsert, the
 * import's own table shapes) into the same database under a brand no one else uses, and prints
 * both rates and their ratio.
 *
 * <p>{@code java -cp mariadb-java-client.jar:<classes> BatchImportBench <baseUrl> <jdbcUrl>
 * <adminPassword> <rows> <workDir>}
 */
public class BatchImportBench {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final int JDBC_BATCH = 1000;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;

  private BatchImportBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbcUrl = args[1];
    if (!URI.create(base).getHost().equals("127.0.0.1") || !jdbcUrl.contains("//127.0.0.1:")) {
      throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
    }
    String adminPassword = args[2];
    int rows = Integer.parseInt(args[3]);
    Path work = Path.of(args[4]);

    LocalDateTime consentDate = LocalDateTime.now(TURKEY).minusHours(1).withNano(0);
    Path csv = work.resolve("consents-" + rows + ".csv");
    generate(csv, rows, consentDate);
    System.out.printf(
        Locale.ROOT, "file: %d rows, %d MB%n", rows, Files.size(csv) / (1024 * 1024));

    var bench = new BatchImportBench(base);
    BenchBusiness business = BenchBusiness.register(bench.client, base, adminPassword);
    int iysCode = business.iysCode;
    String bearer = business.token;

    double jobRate = bench.importThroughJob(csv, rows, iysCode, bearer);
    double jdbcRate = upsertWithJdbc(jdbcUrl, rows, consentDate);

    System.out.printf(Locale.ROOT, "job:  %.0f rows/s%n", jobRate);
    System.out.printf(Locale.ROOT, "jdbc: %.0f rows/s%n", jdbcRate);
    System.out.printf(Locale.ROOT, "ratio job/jdbc: %.2f (target 0.80)%n", jobRate / jdbcRate);
  }

  static void generate(Path csv, int rows, LocalDateTime consentDate) throws Exception {
    String date = consentDate.format(WIRE);
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("recipient;type;status;source;consentDate;recipientType\r\n");
      for (int i = 0; i < rows; i++) {
        out.write(phone(i));
        out.write(";MESAJ;ONAY;HS_WEB;");
        out.write(date);
        out.write(";BIREYSEL\r\n");
      }
    }
  }

  // Mobile numbers in the 532 block; a row index maps to exactly one number.
  private static String phone(int i) {
    return String.format(Locale.ROOT, "+90532%07d", i);
  }

  private double importThroughJob(Path csv, int rows, int iysCode, String bearer)
      throws Exception {
    String files = "/api/sps/" + iysCode + "/brands/" + iysCode + "/consent-files";
    long start = System.nanoTime();
    var received =
        send(
            HttpRequest.newBuilder(URI.create(base + files + "?start=true"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)),
            201);
    String id = number(received, "id");
    String status;
    String progress;
    long lastPrint = 0;
    do {
      Thread.sleep(1000);
      progress =
          send(
                  HttpRequest.newBuilder(URI.create(base + files + "/" + id))
                      .header("Authorization", "Bearer " + bearer)
                      .GET(),
                  200);
      status = text(progress, "status");
      if (System.nanoTime() - lastPrint > 15_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf(
            Locale.ROOT, "  job %s: %s rows read%n", status, number(progress, "rowsRead"));
      }
    } while (!status.equals("COMPLETED") && !status.equals("FAILED"));
    double wall = (System.nanoTime() - start) / 1e9;
    if (status.equals("FAILED") || Long.parseLong(number(progress, "rowsWritten")) != rows) {
      throw new IllegalStateException("the import did not write every row: " + progress);
    }
    Instant started = Instant.parse(text(progress, "startedAt"));
    Instant finished = Instant.parse(text(progress, "finishedAt"));
    double job = Duration.between(started, finished).toMillis() / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "job:  %d rows in %.1f s of job (%.1f s from upload to completion)%n",
        rows,
        job,
        wall);
    return rows / wall;
  }

  /**
   * The same rows as plain JDBC batches, one transaction per thousand rows like the job's chunks,
   * under a brand code no business holds.
   */
  static double upsertWithJdbc(String jdbcUrl, int rows, LocalDateTime consentDate)
      throws Exception {
    int brand = 2_000_000_000 + RANDOM.nextInt(100_000_000);
    Timestamp consentUtc =
        Timestamp.valueOf(consentDate.atZone(TURKEY).withZoneSameInstant(ZoneOffset.UTC)
            .toLocalDateTime());
    HexFormat hex = HexFormat.of();
    byte[] id = new byte[32];
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "iys", "iys");
        PreparedStatement movement =
            connection.prepareStatement(
                "INSERT INTO consent_movement (transaction_id, iys_code, brand_code, recipient,"
                    + " recipient_type, type, status, source, consent_date, creation_date)"
                    + " VALUES (?, ?, ?, ?, 'BIREYSEL', 'MESAJ', 'ONAY', 'HS_WEB', ?, ?)");
        PreparedStatement consent =
            connection.prepareStatement(
                "INSERT INTO consent (version, iys_code, brand_code, recipient, recipient_type,"
                    + " type, status, source, consent_date, creation_date, transaction_id)"
                    + " VALUES (1, ?, ?, ?, 'BIREYSEL', 'MESAJ', 'ONAY', 'HS_WEB', ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE version = version + 1, status = VALUES(status),"
                    + " source = VALUES(source), consent_date = VALUES(consent_date),"
                    + " creation_date = VALUES(creation_date),"
                    + " transaction_id = VALUES(transaction_id)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < rows; i++) {
        RANDOM.nextBytes(id);
        String transactionId = hex.formatHex(id);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        movement.setString(1, transactionId);
        movement.setInt(2, brand);
        movement.setInt(3, brand);
        movement.setString(4, phone(i));
        movement.setTimestamp(5, consentUtc);
        movement.setTimestamp(6, now);
        movement.addBatch();
        consent.setInt(1, brand);
        consent.setInt(2, brand);
        consent.setString(3, phone(i));
        consent.setTimestamp(4, consentUtc);
        consent.setTimestamp(5, now);
        consent.setString(6, transactionId);
        consent.addBatch();
        if ((i + 1) % JDBC_BATCH == 0 || i == rows - 1) {
          movement.executeBatch();
          consent.executeBatch();
          connection.commit();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "jdbc: %d rows in %.1f s (brand %d)%n", rows, seconds, brand);
    return rows / seconds;
  }

  private HttpRequest.Builder json(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
  }

  private String send(HttpRequest.Builder request, int expected) throws Exception {
    var response =
        client.send(
            request.timeout(Duration.ofMinutes(10)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "expected HTTP " + expected + ", got " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return m.group(1);
  }

  private static String text(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return m.group(1);
  }
}
