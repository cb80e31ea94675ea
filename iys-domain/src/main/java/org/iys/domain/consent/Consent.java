package org.iys.domain.consent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iys.domain.error.Violation;
import org.iys.domain.time.UtcInstantConverter;

/**
 * The current state of one consent: whether a brand may send one kind of commercial message to one
 * address, as the recipient's latest movement says.
 *
 * <p>The aggregate protects the order of a consent's life: it opens with ONAY (a business cannot
 * reject what was never recorded), a rejection is not rejected twice, dates only move forward, a
 * merchant's later records carry their date and source, and a rejection the recipient made through
 * the registry is turned back into ONAY by a business only with evidence of a new consent. Every
 * accepted change becomes an append-only {@link ConsentMovement}; this row is then updated to
 * mirror it, guarded by an optimistic version so that two changes to one key cannot both win.
 *
 * <p>Use: find the consent by its key, or start one with {@link #unrecorded}; then {@link #apply}
 * the change and persist the returned movement (and the consent, if it is new).
 */
@Entity
@Table(
    name = "consent",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_consent_key",
            columnNames = {"brand_code", "recipient", "recipient_type", "type"}))
@NamedQuery(
    name = Consent.FIND_BY_KEY,
    query =
        "SELECT c FROM Consent c WHERE c.brandCode = :brandCode AND c.recipient = :recipient"
            + " AND c.recipientType = :recipientType AND c.type = :type")
public class Consent {

  /**
   * Finds the consent of one key. Parameters: {@code brandCode} (int), {@code recipient} ({@link
   * Recipient}), {@code recipientType}, {@code type}.
   */
  public static final String FIND_BY_KEY = "Consent.findByKey";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

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

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 4)
  private ConsentStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 32)
  private ConsentSource source;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "consent_date")
  private Instant consentDate;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "creation_date", nullable = false)
  private Instant creationDate;

  @Column(name = "transaction_id", nullable = false, length = 64)
  private String transactionId;

  @Column(name = "retailer_code")
  private Integer retailerCode;

  @ElementCollection
  @CollectionTable(name = "consent_retailer_access", joinColumns = @JoinColumn(name = "consent_id"))
  @Column(name = "retailer_code", nullable = false)
  private Set<Integer> retailerAccess = new TreeSet<>();

  protected Consent() {
    // for JPA
  }

  private Consent(int iysCode, ConsentKey key) {
    this.iysCode = iysCode;
    this.brandCode = key.brandCode();
    this.recipient = key.recipient();
    this.recipientType = key.recipientType();
    this.type = key.type();
  }

  /** A consent for a key that has no movement yet; it is stored only once a change applies. */
  public static Consent unrecorded(int iysCode, ConsentKey key) {
    return new Consent(iysCode, key);
  }

  /**
   * A consent as its row holds it, for code that reads the row itself rather than through JPA.
   * Retailer access is left out: the state rules do not read it and a change only adds to it.
   */
  public static Consent stored(long id, long version, int iysCode, ConsentKey key, Stored state) {
    Consent consent = new Consent(iysCode, key);
    consent.id = id;
    consent.version = version;
    consent.status = state.status();
    consent.source = state.source();
    consent.consentDate = state.consentDate();
    consent.creationDate = state.creationDate();
    consent.transactionId = state.transactionId();
    consent.retailerCode = state.retailerCode();
    return consent;
  }

  /** The state columns of a stored consent row. */
  public record Stored(
      ConsentStatus status,
      ConsentSource source,
      Instant consentDate,
      Instant creationDate,
      String transactionId,
      Integer retailerCode) {}

  /** The state rules' verdict on a change: empty when it may be applied. */
  public List<Violation> refusals(ConsentChange change) {
    requireSameKey(change);
    return StateRules.refusals(this, change);
  }

  /**
   * Applies a change and returns the movement that records it; the caller persists the movement.
   *
   * @param now the registry's clock, stamped as the movement's creation date (to the millisecond)
   * @throws ConsentRefusedException with the state rule's code (H174, H175, H178, H462, H463,
   *     IYS001) when the change may not follow the current state
   */
  public ConsentMovement apply(ConsentChange change, TransactionId transactionId, Instant now) {
    List<Violation> refusals = refusals(change);
    if (!refusals.isEmpty()) {
      throw new ConsentRefusedException(refusals);
    }
    ConsentMovement movement =
        new ConsentMovement(
            iysCode, brandCode, change, transactionId, now.truncatedTo(ChronoUnit.MILLIS));
    mirror(movement);

    retailerAccess.addAll(change.retailerAccess());
    return movement;
  }

  /** Gives retailers access to this consent, keeping those who already have it. */
  public void grantRetailerAccess(Collection<Integer> retailerCodes) {
    retailerAccess.addAll(retailerCodes);
  }

  /** Makes exactly these retailers the ones with access. */
  public void replaceRetailerAccess(Collection<Integer> retailerCodes) {
    retailerAccess.clear();
    retailerAccess.addAll(retailerCodes);
  }

  public void revokeRetailerAccess(Collection<Integer> retailerCodes) {
    retailerAccess.removeAll(retailerCodes);
  }

  public void revokeAllRetailerAccess() {
    retailerAccess.clear();
  }

  /** Whether any movement has been recorded; an unrecorded consent is never stored. */
  public boolean isRecorded() {
    return status != null;
  }

  /** Whether the brand may send now: only an ONAY permits; a rejection applies at once. */
  public boolean permitsMessages() {
    return status == ConsentStatus.ONAY;
  }

  public ConsentKey key() {
    return new ConsentKey(brandCode, recipient, recipientType, type);
  }

  public Long id() {
    return id;
  }

  /** The optimistic version the row had when this consent was read. */
  public long version() {
    return version;
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

  /** Null while unrecorded. */
  public ConsentStatus status() {
    return status;
  }

  public ConsentSource source() {
    return source;
  }

  public Instant consentDate() {
    return consentDate;
  }

  public Instant creationDate() {
    return creationDate;
  }

  /** The latest movement's transaction id; null while unrecorded. */
  public TransactionId transactionId() {
    return transactionId == null ? null : new TransactionId(transactionId);
  }

  public Integer retailerCode() {
    return retailerCode;
  }

  public Set<Integer> retailerAccess() {
    return Collections.unmodifiableSet(retailerAccess);
  }

  @Override
  public String toString() {
    return "Consent[" + brandCode + " " + recipientType + " " + type + " " + status + "]";
  }

  private void mirror(ConsentMovement movement) {
    status = movement.status();
    source = movement.source();
    consentDate = movement.consentDate();
    creationDate = movement.creationDate();
    transactionId = movement.transactionId().value();
    retailerCode = movement.retailerCode();
  }

  private void requireSameKey(ConsentChange change) {
    if (!change.key(brandCode).equals(key())) {
      throw new IllegalArgumentException("the change is for another consent");
    }
  }
}
