package org.iys.application.complaint;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.iys.domain.complaint.Complaint;

/**
 * Stores complaints taken from the queue, each exactly once: a redelivered or resent complaint
 * finds its idempotency key already stored and changes nothing.
 */
@Stateless
public class ComplaintRegistry {

  private static final System.Logger LOG = System.getLogger(ComplaintRegistry.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public Complaint register(ComplaintMessage message) {
    String key = idempotencyKey(message);
    Optional<Complaint> known = byIdempotencyKey(key);
    if (known.isPresent()) {
      return known.get();
    }

    var report =
        new Complaint.Report(
            required(message.brand(), "brand"),
            required(message.channel(), "channel"),
            required(message.recipient(), "recipient"),
            Instant.parse(required(message.receivedAt(), "receivedAt")),
            message.messageText());
    var complaint = new Complaint(message.complaintNumber(), key, report, clock.instant());
    em.persist(complaint);
    LOG.log(System.Logger.Level.INFO, "registered complaint {0}", message.complaintNumber());
    return complaint;
  }

  public Optional<Complaint> byNumber(String number) {
    return em.createNamedQuery("Complaint.byNumber", Complaint.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  private Optional<Complaint> byIdempotencyKey(String key) {
    return em.createNamedQuery("Complaint.byIdempotencyKey", Complaint.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("complaint without " + field);
    }
    return value;
  }

  private static String idempotencyKey(ComplaintMessage message) {
    if (message.idempotencyKey() != null && !message.idempotencyKey().isBlank()) {
      return message.idempotencyKey();
    }
    String content =
        String.join(
            "|",
            String.valueOf(message.brand()),
            String.valueOf(message.channel()),
            String.valueOf(message.recipient()),
            String.valueOf(message.receivedAt()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
