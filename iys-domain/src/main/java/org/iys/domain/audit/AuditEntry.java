package org.iys.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One staff decision: who did what to which record, when, and why. Never changed once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "actor", nullable = false, updatable = false, length = 100)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false, length = 40)
  private String action;

  @Column(name = "subject_type", nullable = false, updatable = false, length = 40)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, updatable = false, length = 100)
  private String subjectId;

  @Column(name = "detail", updatable = false, length = 1000)
  private String detail;

  @Column(name = "at", nullable = false, updatable = false)
  private Instant at;

  protected AuditEntry() {}

  public AuditEntry(
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String detail,
      Instant at) {
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.detail = detail;
    this.at = at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String detail() {
    return detail;
  }

  public Instant at() {
    return at;
  }
}
