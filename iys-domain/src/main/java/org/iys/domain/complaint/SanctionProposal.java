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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The fine a violation calls for, as proposed from the fine table, until staff confirm or dismiss
 * it. The amount is fixed when proposed: the escalation counts the brand's confirmed violations in
 * the twelve months before the proposal, and a later revaluation of the table does not change it.
 */
@Entity
@Table(name = "sanction_proposal")
@NamedQuery(
    name = "SanctionProposal.byStatus",
    query = "SELECT s FROM SanctionProposal s WHERE s.status = :status ORDER BY s.id")
@NamedQuery(
    name = "SanctionProposal.confirmedSince",
    query =
        "SELECT COUNT(s) FROM SanctionProposal s WHERE s.brandCode = :brand"
            + " AND s.status = org.iys.domain.complaint.SanctionStatus.CONFIRMED"
            + " AND s.decidedAt >= :since")
@NamedQuery(
    name = "SanctionProposal.byComplaint",
    query = "SELECT s FROM SanctionProposal s WHERE s.complaintId = :complaint")
@NamedQuery(
    name = "SanctionProposal.byMessage",
    query = "SELECT s FROM SanctionProposal s WHERE s.messageFingerprint = :fingerprint")
public class SanctionProposal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private long version;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private Long complaintId;

  @Column(name = "message_fingerprint", updatable = false, length = 64)
  private String messageFingerprint;

  @Column(name = "brand_code", nullable = false, updatable = false)
  private int brandCode;

  @Column(name = "article", nullable = false, updatable = false, length = 32)
  private String article;

  @Column(name = "amount", nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Column(name = "prior_violations", nullable = false, updatable = false)
  private int priorViolations;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private SanctionStatus status;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private Instant proposedAt;

  @Column(name = "decided_by", length = 100)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reason", length = 1000)
  private String decisionReason;

  protected SanctionProposal() {}

  /**
   * @param messageFingerprint identifies the unwanted message, so that no other complaint about it
   *     proposes a second fine
   */
  public SanctionProposal(
      Complaint complaint,
      String messageFingerprint,
      String article,
      BigDecimal amount,
      int priorViolations,
      Instant now) {
    this.complaintId = complaint.id();
    this.messageFingerprint = messageFingerprint;
    this.brandCode = complaint.brandCode();
    this.article = article;
    this.amount = amount;
    this.priorViolations = priorViolations;
    this.status = SanctionStatus.PROPOSED;
    this.proposedAt = now;
  }

  /**
   * @return false when the proposal was already decided, leaving it unchanged
   */
  public boolean decide(boolean confirm, String reason, String staff, Instant now) {
    if (status != SanctionStatus.PROPOSED) {
      return false;
    }
    this.status = confirm ? SanctionStatus.CONFIRMED : SanctionStatus.DISMISSED;
    this.decisionReason = reason;
    this.decidedBy = staff;
    this.decidedAt = now;
    return true;
  }

  public Long id() {
    return id;
  }

  public Long complaintId() {
    return complaintId;
  }

  public String messageFingerprint() {
    return messageFingerprint;
  }

  public int brandCode() {
    return brandCode;
  }

  public String article() {
    return article;
  }

  public BigDecimal amount() {
    return amount;
  }

  public int priorViolations() {
    return priorViolations;
  }

  public SanctionStatus status() {
    return status;
  }

  public Instant proposedAt() {
    return proposedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decisionReason() {
    return decisionReason;
  }
}
