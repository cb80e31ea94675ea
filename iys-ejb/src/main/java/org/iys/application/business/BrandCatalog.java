package org.iys.application.business;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iys.domain.business.Brand;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** The brands of each business, with the consent figures the business sees for them. */
@Stateless
public class BrandCatalog {

  private static final System.Logger LOG = System.getLogger(BrandCatalog.class.getName());

  // Counts the current state of each key (not movements), and the brand's registered retailers.
  private static final String STATISTICS =
      """
      SELECT b.brand_code,
             COALESCE(SUM(c.status = 'ONAY'), 0),
             COALESCE(SUM(c.status = 'RET'), 0),
             (SELECT COUNT(*) FROM retailer r WHERE r.brand_code = b.brand_code)
        FROM brand b LEFT JOIN consent c ON c.brand_code = b.brand_code
       WHERE b.iys_code = ?1
       GROUP BY b.brand_code
      """;

  private static final Pattern BRAND_CODE = Pattern.compile("[0-9]{1,9}");

  // Turkish collation, so that a name typed in other capitals still matches: I/ı and İ/i pair up
  // as a Turkish reader expects, which the table's own unicode collation gets wrong. A master
  // brand carries its business's title, so a title is found here too.
  private static final String BY_NAME =
      "SELECT * FROM brand WHERE name COLLATE utf8mb4_turkish_ci = ?1 ORDER BY brand_code LIMIT 2";

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public Brand add(int iysCode, String name) {
    String clean = name == null ? null : name.strip();
    if (clean == null || clean.length() < 2 || clean.length() > 250) {
      throw new DomainException(Violation.of(ErrorCode.IYS111, "name", name));
    }
    long sameName =
        em.createNamedQuery("Brand.countByName", Long.class)
            .setParameter("iysCode", iysCode)
            .setParameter("name", clean)
            .getSingleResult();
    if (sameName > 0) {
      throw new DomainException(Violation.of(ErrorCode.IYS112, "name", clean));
    }

    var brand = Brand.sub(Codes.next(em), iysCode, clean, clock.instant());
    em.persist(brand);

    LOG.log(
        System.Logger.Level.INFO, "added brand {0} to business {1}", brand.brandCode(), iysCode);
    return brand;
  }

  public List<Brand> brands(int iysCode) {
    return em.createNamedQuery("Brand.ofBusiness", Brand.class)
        .setParameter("iysCode", iysCode)
        .getResultList();
  }

  public List<BrandFigures> figures(int iysCode) {
    var counts = new java.util.HashMap<Integer, Object[]>();
    for (Object row : em.createNativeQuery(STATISTICS).setParameter(1, iysCode).getResultList()) {
      Object[] columns = (Object[]) row;
      counts.put(((Number) columns[0]).intValue(), columns);
    }
    return brands(iysCode).stream()
        .map(
            brand -> {
              Object[] c = counts.get(brand.brandCode());
              long approvals = c == null ? 0 : ((Number) c[1]).longValue();
              long rejections = c == null ? 0 : ((Number) c[2]).longValue();
              long retailers = c == null ? 0 : ((Number) c[3]).longValue();
              return new BrandFigures(brand, approvals, rejections, retailers);
            })
        .toList();
  }

  /**
   * The brands a person may mean by what they wrote: a brand code, or a brand's name (a business's
   * title names its master brand), whatever its capitals. More than one answer means the name is
   * ambiguous and only the code can tell; no more than two are read.
   */
  @SuppressWarnings("unchecked")
  public List<Brand> byCodeOrName(String codeOrName) {
    String text = codeOrName == null ? "" : codeOrName.strip();
    if (BRAND_CODE.matcher(text).matches()) {
      Brand brand = em.find(Brand.class, Integer.valueOf(text));
      return brand == null ? List.of() : List.of(brand);
    }
    if (text.isEmpty() || text.length() > 250) {
      return List.of();
    }
    return em.createNativeQuery(BY_NAME, Brand.class).setParameter(1, text).getResultList();
  }

  /** The business a brand belongs to, if the brand exists. */
  public Optional<Integer> owner(int brandCode) {
    return Optional.ofNullable(em.find(Brand.class, brandCode)).map(Brand::iysCode);
  }

  /** A brand with its consent counts. */
  public record BrandFigures(Brand brand, long approvals, long rejections, long retailers) {}
}
