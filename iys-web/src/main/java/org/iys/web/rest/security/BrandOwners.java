package org.iys.web.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iys.application.business.BrandCatalog;

/**
 * Which business each brand belongs to, asked on every consent call. A brand never changes owner
 * and is never deleted, so a known owner is remembered for good; an unknown brand is asked again
 * each time, since it may be added a moment later on another instance.
 */
@ApplicationScoped
public class BrandOwners {

  private static final int MOST_REMEMBERED = 200_000;

  private final ConcurrentHashMap<Integer, Integer> owners = new ConcurrentHashMap<>();

  @EJB private BrandCatalog brands;

  public Optional<Integer> owner(int brandCode) {
    Integer known = owners.get(brandCode);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Integer> owner = brands.owner(brandCode);
    owner.ifPresent(
        iysCode -> {
          if (owners.size() >= MOST_REMEMBERED) {
            owners.clear();
          }
          owners.put(brandCode, iysCode);
        });
    return owner;
  }
}
