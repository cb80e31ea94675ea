package org.iys.application.complaint;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Finds the brand a complaint names. This is the one place that decides whether a brand exists.
 *
 * <p>Until the registry keeps a brand table, a brand is known when it has at least one consent
 * movement: a brand code the registry never recorded a consent for cannot be judged, and brand
 * names cannot be resolved at all. When the brand table arrives, this lookup reads it instead (and
 * resolves names through it); the callers stay as they are.
 */
@Stateless
public class BrandDirectory {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  /**
   * @return the brand's code, or empty when the registry does not know the brand
   */
  public Optional<Integer> resolve(String brand) {
    int code;
    try {
      code = Integer.parseInt(brand.strip());
    } catch (NumberFormatException notACode) {
      return Optional.empty();
    }
    boolean known =
        !em.createNativeQuery("SELECT 1 FROM consent_movement WHERE brand_code = ?1 LIMIT 1")
            .setParameter(1, code)
            .getResultList()
            .isEmpty();
    return known ? Optional.of(code) : Optional.empty();
  }
}
