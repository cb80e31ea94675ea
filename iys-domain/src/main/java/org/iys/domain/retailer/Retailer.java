package org.iys.domain.retailer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.iys.domain.time.UtcInstantConverter;

/**
 * A dealer of one brand ("bayi"), named by an 8-digit code that the registry hands out and that is
 * unique across all brands. A consent may name the retailer that mediated it and the retailers that
 * may see it; the retailer can be deleted only while no consent does either.
 */
@Entity
@Table(name = "retailer")
@NamedQuery(
    name = Retailer.OF_BRAND,
    query = "SELECT r FROM Retailer r WHERE r.brandCode = :brandCode ORDER BY r.retailerCode")
@NamedQuery(
    name = Retailer.COUNT_OF_BRAND,
    query = "SELECT COUNT(r) FROM Retailer r WHERE r.brandCode = :brandCode")
public class Retailer {

  /** A brand's retailers by code. Parameter: {@code brandCode}. */
  public static final String OF_BRAND = "Retailer.ofBrand";

  /** How many retailers a brand has. Parameter: {@code brandCode}. */
  public static final String COUNT_OF_BRAND = "Retailer.countOfBrand";

  public static final int SMALLEST_CODE = 10_000_000;
  public static final int LARGEST_CODE = 99_999_999;

  @Id
  @Column(name = "retailer_code")
  private Integer retailerCode;

  @Column(name = "iys_code", nullable = false, updatable = false)
  private int iysCode;

  @Column(name = "brand_code", nullable = false, updatable = false)
  private int brandCode;

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "mersis", length = 16)
  private String mersis;

  @Column(name = "alias", length = 255)
  private String alias;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "tckn", nullable = false, length = 11)
  private String tckn;

  @Column(name = "mobile", length = 15)
  private String mobile;

  @Column(name = "tin", nullable = false, length = 11)
  private String tin;

  @Column(name = "city_code", nullable = false, length = 100)
  private String cityCode;

  @Column(name = "city_name", nullable = false, length = 100)
  private String cityName;

  @Column(name = "town_code", nullable = false, length = 100)
  private String townCode;

  @Column(name = "town_name", nullable = false, length = 100)
  private String townName;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 9)
  private RetailerStatus status;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Retailer() {
    // for JPA
  }

  public Retailer(
      int retailerCode, int iysCode, int brandCode, RetailerDetails details, Instant createdAt) {
    if (retailerCode < SMALLEST_CODE || retailerCode > LARGEST_CODE) {
      throw new IllegalArgumentException("a retailer code has 8 digits");
    }
    this.retailerCode = retailerCode;
    this.iysCode = iysCode;
    this.brandCode = brandCode;
    this.title = details.title();
    this.mersis = details.mersis();
    this.alias = details.alias();
    this.name = details.name();
    this.tckn = details.tckn();
    this.mobile = details.mobile();
    this.tin = details.tin();
    this.cityCode = details.city().code();
    this.cityName = details.city().name();
    this.townCode = details.town().code();
    this.townName = details.town().name();
    this.status = details.status();
    this.createdAt = createdAt;
  }

  public int retailerCode() {
    return retailerCode;
  }

  public int iysCode() {
    return iysCode;
  }

  public int brandCode() {
    return brandCode;
  }

  public RetailerDetails details() {
    return new RetailerDetails(
        title,
        mersis,
        alias,
        name,
        tckn,
        mobile,
        tin,
        new Place(cityCode, cityName),
        new Place(townCode, townName),
        status);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
