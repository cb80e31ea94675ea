package org.iys.domain.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.time.UtcInstantConverter;

/**
 * One change of one consent, kept forever: the registry's evidence of who consented or rejected,
 * when, and how.
 *
 * <p>Movements are append-only. There are no setters and nothing updates or deletes a row; a
 * consent's current state is a projection of its latest movement (see {@link Consent}), and
 * reconciliation files, history queries and complaint judgements all read from here. A movement is
 * created only by {@link Consent#apply}, after the state rules accepted it.
 */
@Entity
@Table(name = "consent_movement")
public class ConsentMovement {

  /** How long a business may keep sending after a rejection, in business days. */
  public static final int STOP_SENDING_BUSINESS_DAYS = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotNull
  @Pattern(regexp = "[0-9a-f]{64}")
  @Column(name = "transaction_id", nullable = false, updatable = false, length = 64)
  private String transactionId;

  @Column(name = "iys_code", nullable = false, updatable = false)
  private int iysCode;

  @Column(name = "brand_code", nullable = false, updatable = false)
  private int brandCode;

  @NotNull
  @Convert(converter = RecipientConverter.class)
  @Column(name = "recipient", nullable = false, updatable = false, length = 265)
  private Recipient recipient;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_type", nullable = false, updatable = false, length = 8)
  private RecipientType recipientType;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, updatable = false, length = 6)
  private ConsentType type;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, updatable = false, length = 4)
  private ConsentStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", updatable = false, length = 32)
  private ConsentSource source;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "consent_date", updatable = false)
  private Instant consentDate;

  @NotNull
  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "creation_date", nullable = false, updatable = false)
  private Instant creationDate;

  @Column(name = "retailer_code", updatable = false)
  private Integer retailerCode;

  @Size(min = 1, max = 100)
  @Column(name = "evidence_reference", updatable = false, length = 100)
  private String evidenceReference;

  protected ConsentMovement() {
    // for JPA
  }

  ConsentMovement(
      int iysCode, int brandCode, ConsentChange change, TransactionId id, Instant creationDate) {
    this.transactionId = id.value();
    this.iysCode = iysCode;
    this.brandCode = brandCode;
    this.recipient = change.recipient();
    this.recipientType = change.recipientType();
    this.type = change.type();
    this.status = change.status();
    this.source = change.source();
    this.consentDate = change.consentDate();
    this.creationDate = creationDate;
    this.retailerCode = change.retailerCode();
    this.evidenceReference = change.evidenceReference();
  }

  /**
   * For a rejection, the moment after which the brand must have stopped sending: the end of the
   * third business day after the rejection was given (or, when it carries no date, recorded).
   * Complaints about messages sent before it are judged with that grace; the check before sending
   * answers "rejected" at once.
   */
  public Instant stopSendingDeadline(BusinessCalendar calendar) {
    if (status != ConsentStatus.RET) {
      throw new IllegalStateException("only a rejection has a stop-sending deadline");
    }
    Instant given = consentDate == null ? creationDate : consentDate;
    return calendar.deadline(given, STOP_SENDING_BUSINESS_DAYS);
  }

  public Long id() {
    return id;
  }

  public TransactionId transactionId() {
    return new TransactionId(transactionId);
  }

  public int iysCode() {
    return iysCode;
  }

  public int brandCode() {
    return brandCode;
  }

  public Recipient recipient() {
    return recipient;
  }

  public RecipientType recipientType() {
    return recipientType;
  }

  public ConsentType type() {
    return type;
  }

  public ConsentStatus status() {
    return status;
  }

  /** Null only for a merchant's first record sent without one. */
  public ConsentSource source() {
    return source;
  }

  /** Null only for a merchant's first record sent without one. */
  public Instant consentDate() {
    return consentDate;
  }

  /** When the registry recorded the movement, by its own clock. */
  public Instant creationDate() {
    return creationDate;
  }

  public Integer retailerCode() {
    return retailerCode;
  }

  public String evidenceReference() {
    return evidenceReference;
  }

  @Override
  public String toString() {
    return "ConsentMovement[" + transactionId + " " + type + " " + status + "]";
  }
}
