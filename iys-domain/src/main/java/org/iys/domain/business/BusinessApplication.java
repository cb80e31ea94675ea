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

/**
 * A business's request to join the registry as a service provider. It waits for staff, who approve
 * it (the business then gets its iysCode) or reject it with a reason.
 */
@Entity
@Table(name = "business_application")
@NamedQuery(
    name = "BusinessApplication.newestFirst",
    query = "SELECT a FROM BusinessApplication a ORDER BY a.appliedAt DESC, a.id DESC")
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
}
