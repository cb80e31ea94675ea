package org.iys.domain.complaint;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A recipient's report of a message they did not want: which brand, over which channel, to which
 * address and when it arrived. Each report is kept once, however often it is delivered, because its
 * idempotency key is unique.
 *
 * <p>A complaint is judged once, when it is stored; the verdict keeps the transaction ids of the
 * consent movements it relied on, so it can be explained later however the consent changed since. A
 * violation then waits for staff to confirm or dismiss its sanction.
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

  @Column(name = "sender_id", length = 20)
  private String senderId;

  @Column(name = "brand_code")
  private Integer brandCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private ComplaintStatus status;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "verdict", length = 16)
  private Verdict verdict;

  @Enumerated(EnumType.STRING)
  @Column(name = "ground", length = 32)
  private Ground ground;

  @Column(name = "verdict_reason", length = 500)
  private String verdictReason;

  @Column(name = "judged_at")
  private Instant judgedAt;

  @Column(name = "sanction_proposal_id")
  private Long sanctionProposalId;

  @ElementCollection
  @CollectionTable(name = "complaint_evidence", joinColumns = @JoinColumn(name = "complaint_id"))
  @Column(name = "transaction_id", length = 64)
  private List<String> evidence = new ArrayList<>();

  @Version private long version;

  protected Complaint() {}

  public Complaint(String complaintNumber, String idempotencyKey, Report report, Instant now) {
    this.complaintNumber = complaintNumber;
    this.idempotencyKey = idempotencyKey;
    this.brand = report.brand();
    this.channel = report.channel();
    this.recipient = report.recipient();
    this.receivedAt = report.receivedAt();
    this.messageText = report.messageText();
    this.senderId = report.senderId();
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
    return new Report(brand, channel, recipient, receivedAt, messageText, senderId);
  }

  /** Records the verdict; a complaint is judged exactly once. */
  public void judge(Integer brandCode, Judgement judgement, Instant now) {
    if (status != ComplaintStatus.RECEIVED) {
      throw new IllegalStateException("complaint " + complaintNumber + " is already judged");
    }
    this.brandCode = brandCode;
    this.verdict = judgement.verdict();
    this.ground = judgement.ground();
    this.verdictReason = judgement.ground().reason();
    this.evidence = new ArrayList<>(judgement.evidence());
    this.judgedAt = now;
    this.status = ComplaintStatus.JUDGED;
  }

  /**
   * The fine proposed for the message this complaint reports: its own proposal, or the one an
   * earlier complaint about the same message made.
   */
  public void sanctionProposed(long proposalId) {
    if (verdict != Verdict.VIOLATION) {
      throw new IllegalStateException("complaint " + complaintNumber + " is not a violation");
    }
    this.sanctionProposalId = proposalId;
  }

  /** The proposal for this complaint's message; null when none was proposed. */
  public Long sanctionProposalId() {
    return sanctionProposalId;
  }

  /** Staff decided on the sanction this complaint's violation proposed. */
  public void sanctionDecided(boolean confirmed) {
    if (verdict != Verdict.VIOLATION || status != ComplaintStatus.JUDGED) {
      throw new IllegalStateException("complaint " + complaintNumber + " has no open sanction");
    }
    status = confirmed ? ComplaintStatus.SANCTIONED : ComplaintStatus.SANCTION_DISMISSED;
  }

  public Long id() {
    return id;
  }

  /** The brand code the complaint was judged under; null when the brand was not recognised. */
  public Integer brandCode() {
    return brandCode;
  }

  public Verdict verdict() {
    return verdict;
  }

  public Ground ground() {
    return ground;
  }

  public String verdictReason() {
    return verdictReason;
  }

  public Instant judgedAt() {
    return judgedAt;
  }

  public List<String> evidence() {
    return List.copyOf(evidence);
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  /** What the complainant told us: the unwanted message and where it came from. */
  public record Report(
      String brand,
      String channel,
      String recipient,
      Instant receivedAt,
      String messageText,
      String senderId) {}
}
