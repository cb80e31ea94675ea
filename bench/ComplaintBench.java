import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Pushes complaints at a running iys's queue and reports how fast they were enqueued and judged,
 * and whether every one sent was stored exactly once. Every address of one fresh brand; half of
 * them hold an ONAY, so both the cleared and the violation path (with its sanction) are measured.
 *
 * <p>Usage: {@code ComplaintBench <count> <brokerPort> <dbPort> [producers]}; loopback only.
 */
public final class ComplaintBench {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final int COMMIT_EVERY = 100;

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    int brokerPort = Integer.parseInt(args[1]);
    String jdbc = "jdbc:mariadb://127.0.0.1:" + Integer.parseInt(args[2]) + "/iys";
    int producers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int brand = 9_000_000 + RANDOM.nextInt(900_000);
    Instant arrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    List<String> phones = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      phones.add("+90532" + String.format(Locale.ROOT, "%07d", i));
    }
    seedConsents(jdbc, brand, phones, arrived.minus(10, ChronoUnit.DAYS));

    var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    List<Future<?>> sent = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int first = p;
      sent.add(
          pool.submit(
              () -> {
                send(factory, brand, phones, arrived, first, producers);
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    pool.shutdown();
    double enqueueSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "enqueued   %d complaints in %.2f s: %.0f/s%n",
        count,
        enqueueSeconds,
        count / enqueueSeconds);

    long stored = 0;
    long lastChange = System.nanoTime();
    while (stored < count && System.nanoTime() - lastChange < Duration.ofSeconds(60).toNanos()) {
      Thread.sleep(500);
      long now = stored(jdbc, brand, "COUNT(*)");
      if (now != stored) {
        stored = now;
        lastChange = System.nanoTime();
      }
    }
    double judgedSeconds = (System.nanoTime() - start) / 1e9;
    long distinct = stored(jdbc, brand, "COUNT(DISTINCT idempotency_key)");
    long judged = stored(jdbc, brand, "SUM(judged_at IS NOT NULL)");
    long violations = stored(jdbc, brand, "SUM(verdict = 'VIOLATION')");
    System.out.printf(
        Locale.ROOT,
        "judged     %d complaints %.2f s after the first send: %.0f/s end to end%n",
        judged,
        judgedSeconds,
        judged / judgedSeconds);
    System.out.printf(
        Locale.ROOT,
        "count in %d, count stored %d, distinct keys %d, violations %d%n",
        count,
        stored,
        distinct,
        violations);
    System.exit(stored == count && distinct == count ? 0 : 1);
  }

  private static void send(
      ActiveMQConnectionFactory factory,
      int brand,
      List<String> phones,
      Instant arrived,
      int first,
      int step)
      throws JMSException {
    try (Connection connection = factory.createConnection("iys", "iys");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue("iys.complaints"))) {
      int inBatch = 0;
      for (int i = first; i < phones.size(); i += step) {
        String body =
            "{\"idempotencyKey\":\"bench-"
                + brand
                + "-"
                + i
                + "\",\"brand\":\""
                + brand
                + "\",\"channel\":\"MESAJ\",\"recipient\":\""
                + phones.get(i)
                + "\",\"receivedAt\":\""
                + arrived
                + "\"}";
        producer.send(session.createTextMessage(body));
        if (++inBatch == COMMIT_EVERY) {
          session.commit();
          inBatch = 0;
        }
      }
      session.commit();
    }
  }

  private static void seedConsents(String jdbc, int brand, List<String> phones, Instant at)
      throws SQLException {
    try (var db = DriverManager.getConnection(jdbc, "iys", "iys");
        var catalogue =
            db.prepareStatement(
                "INSERT INTO brand (brand_code, iys_code, name, master, created_at)"
                    + " VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP())");
        var insert =
            db.prepareStatement(
                "INSERT INTO consent_movement (transaction_id, iys_code, brand_code, recipient,"
                    + " recipient_type, type, status, source, consent_date, creation_date)"
                    + " VALUES (?, ?, ?, ?, 'BIREYSEL', 'MESAJ', 'ONAY', 'HS_WEB', ?, ?)")) {
      // Complaints are judged only for brands the catalogue holds, as approval would add them.
      catalogue.setInt(1, brand);
      catalogue.setInt(2, brand);
      catalogue.setString(3, "Benchmark brand " + brand);
      catalogue.executeUpdate();
      db.setAutoCommit(false);
      LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
      for (int i = 0; i < phones.size(); i += 2) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        insert.setString(1, HexFormat.of().formatHex(id));
        insert.setInt(2, brand);
        insert.setInt(3, brand);
        insert.setString(4, phones.get(i));
        insert.setObject(5, utc);
        insert.setObject(6, utc);
        insert.addBatch();
      }
      insert.executeBatch();
      db.commit();
    }
  }

  private static long stored(String jdbc, int brand, String aggregate) throws SQLException {
    try (var db = DriverManager.getConnection(jdbc, "iys", "iys");
        var query =
            db.prepareStatement("SELECT " + aggregate + " FROM complaint WHERE brand_code = ?")) {
      query.setInt(1, brand);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
