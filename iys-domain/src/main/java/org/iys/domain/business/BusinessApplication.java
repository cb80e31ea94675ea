package org.iys.domain.business;

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
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * A business's request to join the registry as a service provider. It waits for staff, who approve
 * it (the business then gets its iysCode) or reject it with a reason.
 */
@Entity
@Table(name = "business_application")
@NamedQuery(
    name = "BusinessApplication.newestFirst",
    query = "SELECT a FROM BusinessApplication a ORDER BY a.appliedAt DESC, a.id DESC")
@NamedQuery(
    name = "BusinessApplication.byStatus",
    query =
        "SELECT a FROM BusinessApplication a WHERE a.status = :status"
            + " ORDER BY a.appliedAt DESC, a.id DESC")
@NamedQuery(
    name = "BusinessApplication.byIysCode",
    query = "SELECT a FROM BusinessApplication a WHERE a.iysCode = :iysCode")
@NamedQuery(
    name = "BusinessApplication.openForTaxNumber",
    query =
        "SELECT COUNT(a) FROM BusinessApplication a WHERE a.taxNumber = :taxNumber"
            + " AND a.status <> org.iys.domain.business.ApplicationStatus.REJECTED")
public class BusinessApplication {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 250)
  private String title;

  @Column(name = "tax_number", nullable = false, length = 11)
  private String taxNumber;

  @Column(name = "mersis_number", length = 16)
  private String mersisNumber;

  @Column(name = "contact_email", length = 265)
  private String contactEmail;

  @Column(name = "contact_phone", length = 15)
  private String contactPhone;

  @Column(name = "contact_address", length = 500)
  private String contactAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApplicationStatus status;

  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;

  @Column(name = "iys_code")
  private Integer iysCode;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "rejection_reason", length = 500)
  private String rejectionReason;

  protected BusinessApplication() {}

  public BusinessApplication(
      String title, String taxNumber, String mersisNumber, Contact contact, Instant appliedAt) {
    this.title = title;
    this.taxNumber = taxNumber;
    this.mersisNumber = mersisNumber;
    this.contactEmail = contact.email();
    this.contactPhone = contact.phone();
    this.contactAddress = contact.address();
    this.status = ApplicationStatus.PENDING;
    this.appliedAt = appliedAt;
  }

  public BusinessApplication(ApplicationForm form, Instant appliedAt) {
    this(
        form.title(),
        form.taxNumber(),
        form.mersisNumber(),
        new Contact(form.email(), form.phone(), form.address()),
        appliedAt);
  }

  /**
   * Admits the business: from now on it is known by {@code assignedIysCode}, which the registry
   * draws from a sequence shared with brand codes.
   */
  public void approve(int assignedIysCode, String staff, Instant at) {
    requirePending();
    this.status = ApplicationStatus.APPROVED;
    this.iysCode = assignedIysCode;
    this.decidedBy = staff;
    this.decidedAt = at;
  }

  /** Turns the business away; the reason is shown to the applicant. */
  public void reject(String reason, String staff, Instant at) {
    requirePending();
    String clean = reason == null ? null : reason.strip();
    if (clean == null || clean.length() < 5 || clean.length() > 500) {
      throw new DomainException(Violation.of(ErrorCode.IYS109, "reason", reason));
    }
    this.status = ApplicationStatus.REJECTED;
    this.rejectionReason = clean;
    this.decidedBy = staff;
    this.decidedAt = at;
  }

  private void requirePending() {
    if (status != ApplicationStatus.PENDING) {
      throw new DomainException(Violation.of(ErrorCode.IYS108).withValue(status.name()));
    }
  }

  public Long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String taxNumber() {
    return taxNumber;
  }

  public String mersisNumber() {
    return mersisNumber;
  }

  public Contact contact() {
    return new Contact(contactEmail, contactPhone, contactAddress);
  }

  public ApplicationStatus status() {
    return status;
  }

  public Instant appliedAt() {
    return appliedAt;
  }

  /** The business's code once approved; null before. */
  public Integer iysCode() {
    return iysCode;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public String rejectionReason() {
    return rejectionReason;
  }
}
