package org.iys.domain.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recipient's report of a message they did not want: which brand, over which channel, to which
 * address and when it arrived. Each report is kept once, however often it is delivered, because its
 * idempotency key is unique.
 */
@Entity
@Table(name = "complaint")
@NamedQuery(
    name = "Complaint.byNumber",
    query = "SELECT c FROM Complaint c WHERE c.complaintNumber = :number")
@NamedQuery(
    name = "Complaint.byIdempotencyKey",
    query = "SELECT c FROM Complaint c WHERE c.idempotencyKey = :key")
public class Complaint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_number", nullable = false, unique = true, length = 40)
  private String complaintNumber;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 128)
  private String idempotencyKey;

  @Column(name = "brand", nullable = false, length = 250)
  private String brand;

  @Column(name = "channel", nullable = false, length = 10)
  private String channel;

  @Column(name = "recipient", nullable = false, length = 265)
  private String recipient;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "message_text", length = 2000)
  private String messageText;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ComplaintStatus status;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  protected Complaint() {}

  public Complaint(String complaintNumber, String idempotencyKey, Report report, Instant now) {
    this.complaintNumber = complaintNumber;
    this.idempotencyKey = idempotencyKey;
    this.brand = report.brand();
    this.channel = report.channel();
    this.recipient = report.recipient();
    this.receivedAt = report.receivedAt();
    this.messageText = report.messageText();
    this.status = ComplaintStatus.RECEIVED;
    this.registeredAt = now;
  }

  public String complaintNumber() {
    return complaintNumber;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public ComplaintStatus status() {
    return status;
  }

  public Report report() {
    return new Report(brand, channel, recipient, receivedAt, messageText);
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  /** What the complainant told us: the unwanted message and where it came from. */
  public record Report(
      String brand, String channel, String recipient, Instant receivedAt, String messageText) {}
}
