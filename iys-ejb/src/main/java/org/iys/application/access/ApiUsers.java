package org.iys.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.access.ApiUser;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** Issues the machine accounts a business's systems log in with. */
@Stateless
public class ApiUsers {

  private static final System.Logger LOG = System.getLogger(ApiUsers.class.getName());

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Passwords passwords;

  @EJB private BusinessRegistration registration;

  private final Clock clock = Clock.systemUTC();

  public ApiUser create(int iysCode, String username, String password, String staff) {
    if (registration.business(iysCode).isEmpty()) {
      throw new DomainException(Violation.of(ErrorCode.IYS110).withValue(iysCode));
    }
    Usernames.requireValid(username, password);
    boolean taken =
        !em.createNamedQuery("ApiUser.byUsername", ApiUser.class)
            .setParameter("username", username)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new DomainException(Violation.of(ErrorCode.IYS114, "username", username));
    }

    var user = new ApiUser(iysCode, username, passwords.hash(password), clock.instant(), staff);
    em.persist(user);
    em.flush();

    LOG.log(
        System.Logger.Level.INFO,
        "created API user {0} for business {1} by {2}",
        user.id(),
        iysCode,
        staff);
    return user;
  }
}
