package org.iys.application.business;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.iys.application.audit.Audit;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.business.ApplicationForm;
import org.iys.domain.business.ApplicationStatus;
import org.iys.domain.business.Brand;
import org.iys.domain.business.BusinessApplication;
import org.iys.domain.business.Contact;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Takes businesses' applications to join the registry and lets staff decide on them. Approval is
 * the moment a business comes into being: it receives its iysCode and its master brand in the same
 * transaction.
 */
@Stateless
public class BusinessRegistration {

  private static final System.Logger LOG = System.getLogger(BusinessRegistration.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @EJB private Audit audit;

  @EJB private Subscriptions subscriptions;

  private final Clock clock = Clock.systemUTC();

  public BusinessApplication apply(ApplicationForm form) {
    var valid = form.validated();
    long open =
        em.createNamedQuery("BusinessApplication.openForTaxNumber", Long.class)
            .setParameter("taxNumber", valid.taxNumber())
            .getSingleResult();
    if (open > 0) {
      throw new DomainException(Violation.of(ErrorCode.IYS118, "taxNumber", valid.taxNumber()));
    }

    var application = new BusinessApplication(valid, clock.instant());
    em.persist(application);
    em.flush();
    LOG.log(System.Logger.Level.INFO, "received business application {0}", application.id());
    return application;
  }

  /**
   * Records an application without the checks a business's own application goes through; kept for
   * the staff screen's quick entry, which the staff screens will replace.
   */
  public BusinessApplication apply(
      String title, String taxNumber, String mersisNumber, Contact contact) {
    var application =
        new BusinessApplication(title, taxNumber, mersisNumber, contact, clock.instant());
    em.persist(application);
    return application;
  }

  public BusinessApplication approve(long applicationId, String staff) {
    var application = pending(applicationId);
    int iysCode = Codes.next(em);

    application.approve(iysCode, staff, clock.instant());
    em.persist(Brand.master(iysCode, application.title(), clock.instant()));
    subscriptions.open(iysCode, clock.instant());
    audit.record(
        staff,
        "APPLICATION_APPROVED",
        "business_application",
        String.valueOf(applicationId),
        "iysCode " + iysCode);

    LOG.log(
        System.Logger.Level.INFO,
        "approved application {0} as business {1} by {2}",
        applicationId,
        iysCode,
        staff);
    return application;
  }

  public BusinessApplication reject(long applicationId, String reason, String staff) {
    var application = pending(applicationId);

    application.reject(reason, staff, clock.instant());
    audit.record(
        staff,
        "APPLICATION_REJECTED",
        "business_application",
        String.valueOf(applicationId),
        reason);

    LOG.log(System.Logger.Level.INFO, "rejected application {0} by {1}", applicationId, staff);
    return application;
  }

  public Optional<BusinessApplication> application(long id) {
    return Optional.ofNullable(em.find(BusinessApplication.class, id));
  }

  /** The approved application behind a business, i.e. the business itself. */
  public Optional<BusinessApplication> business(int iysCode) {
    return em.createNamedQuery("BusinessApplication.byIysCode", BusinessApplication.class)
        .setParameter("iysCode", iysCode)
        .getResultStream()
        .findFirst();
  }

  public List<BusinessApplication> applications(int max) {
    return em.createNamedQuery("BusinessApplication.newestFirst", BusinessApplication.class)
        .setMaxResults(max)
        .getResultList();
  }

  public List<BusinessApplication> applications(ApplicationStatus status, int max) {
    return em.createNamedQuery("BusinessApplication.byStatus", BusinessApplication.class)
        .setParameter("status", status)
        .setMaxResults(max)
        .getResultList();
  }

  private BusinessApplication pending(long applicationId) {
    // Two staff members deciding at once on two instances: the row lock makes the second one see
    // the first decision and be refused.
    var application =
        em.find(BusinessApplication.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
    if (application == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS107).withValue(applicationId));
    }
    return application;
  }
}
