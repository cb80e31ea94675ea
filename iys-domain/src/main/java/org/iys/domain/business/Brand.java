package org.iys.domain.business;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A name a business sends messages under; consents are given to brands. Every business has a master
 * brand whose code equals its iysCode. Brand codes come from the same sequence as iysCodes, so a
 * code names at most one brand across the whole registry.
 */
@Entity
@Table(name = "brand")
@NamedQuery(
    name = "Brand.ofBusiness",
    query = "SELECT b FROM Brand b WHERE b.iysCode = :iysCode ORDER BY b.master DESC, b.brandCode")
@NamedQuery(
    name = "Brand.countByName",
    query = "SELECT COUNT(b) FROM Brand b WHERE b.iysCode = :iysCode AND b.name = :name")
public class Brand {

  @Id
  @Column(name = "brand_code")
  private Integer brandCode;

  @Column(name = "iys_code", nullable = false)
  private Integer iysCode;

  @Column(nullable = false, length = 250)
  private String name;

  @Column(nullable = false)
  private boolean master;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Brand() {}

  private Brand(int brandCode, int iysCode, String name, boolean master, Instant createdAt) {
    this.brandCode = brandCode;
    this.iysCode = iysCode;
    this.name = name;
    this.master = master;
    this.createdAt = createdAt;
  }

  /** The brand every approved business starts with, named after the business. */
  public static Brand master(int iysCode, String title, Instant at) {
    return new Brand(iysCode, iysCode, title, true, at);
  }

  public static Brand sub(int brandCode, int iysCode, String name, Instant at) {
    return new Brand(brandCode, iysCode, name, false, at);
  }

  public int brandCode() {
    return brandCode;
  }

  public int iysCode() {
    return iysCode;
  }

  public String name() {
    return name;
  }

  public boolean master() {
    return master;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
