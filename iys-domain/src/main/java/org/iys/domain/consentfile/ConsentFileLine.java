package org.iys.domain.consentfile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One line of a business's bulk consent file as it was read, keyed by the import it belongs to and
 * its line number, so that a resumed import cannot store a line twice.
 */
@Entity
@Table(name = "consent_file_line")
@NamedQuery(
    name = "ConsentFileLine.countByImport",
    query = "SELECT COUNT(l) FROM ConsentFileLine l WHERE l.importId = :importId")
public class ConsentFileLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_id", nullable = false)
  private long importId;

  @Column(name = "line_number", nullable = false)
  private long lineNumber;

  @Column(name = "recipient", length = 265)
  private String recipient;

  @Column(name = "consent_type", length = 10)
  private String type;

  @Column(name = "status", length = 10)
  private String status;

  protected ConsentFileLine() {}

  public ConsentFileLine(
      long importId, long lineNumber, String recipient, String type, String status) {
    this.importId = importId;
    this.lineNumber = lineNumber;
    this.recipient = recipient;
    this.type = type;
    this.status = status;
  }

  public long lineNumber() {
    return lineNumber;
  }
}
