package org.iys.application.business;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.iys.domain.business.BusinessApplication;
import org.iys.domain.business.Contact;

/** Takes businesses' applications to join the registry and shows them to staff. */
@Stateless
public class BusinessRegistration {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public BusinessApplication apply(
      String title, String taxNumber, String mersisNumber, Contact contact) {
    var application =
        new BusinessApplication(title, taxNumber, mersisNumber, contact, clock.instant());
    em.persist(application);
    return application;
  }

  public Optional<BusinessApplication> application(long id) {
    return Optional.ofNullable(em.find(BusinessApplication.class, id));
  }

  public List<BusinessApplication> applications(int max) {
    return em.createNamedQuery("BusinessApplication.newestFirst", BusinessApplication.class)
        .setMaxResults(max)
        .getResultList();
  }
}
