package org.iys.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.iys.domain.access.StaffUser;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** The registry's staff accounts: who they are, their roles, and checking their passwords. */
@Stateless
public class StaffAccounts {

  static final String REALM = "STAFF";

  private static final System.Logger LOG = System.getLogger(StaffAccounts.class.getName());

  private static final Set<String> ROLES =
      Set.of(StaffUser.OPERATOR, StaffUser.SUPERVISOR, StaffUser.ADMIN);

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Passwords passwords;

  @Inject private LoginThrottle throttle;

  private final Clock clock = Clock.systemUTC();

  /**
   * The staff member these credentials belong to, or empty for a wrong password, an unknown name or
   * an account paused after repeated failures; the three look alike to the caller.
   */
  public Optional<StaffIdentity> authenticate(String username, String password) {
    if (!Usernames.wellFormed(username) || password == null) {
      return Optional.empty();
    }
    if (throttle.paused(REALM, username)) {
      return Optional.empty();
    }
    var user = find(username);
    if (user.isEmpty()) {
      passwords.waste(password);
      throttle.failed(REALM, username);
      return Optional.empty();
    }
    if (!passwords.matches(password, user.get().passwordHash())) {
      throttle.failed(REALM, username);
      LOG.log(System.Logger.Level.INFO, "failed staff login for {0}", username);
      return Optional.empty();
    }
    throttle.succeeded(REALM, username);
    return Optional.of(new StaffIdentity(user.get().username(), user.get().roles()));
  }

  public StaffIdentity create(String username, String password, Set<String> roles) {
    Usernames.requireValid(username, password);
    if (roles.isEmpty() || !ROLES.containsAll(roles)) {
      throw new IllegalArgumentException("unknown staff roles " + roles);
    }
    if (find(username).isPresent()) {
      throw new DomainException(Violation.of(ErrorCode.IYS114, "username", username));
    }
    var user = new StaffUser(username, passwords.hash(password), roles, clock.instant());
    em.persist(user);
    em.flush();
    LOG.log(System.Logger.Level.INFO, "created staff account {0} with roles {1}", username, roles);
    return new StaffIdentity(username, user.roles());
  }

  public boolean anyExists() {
    return !em.createQuery("SELECT s.id FROM StaffUser s")
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private Optional<StaffUser> find(String username) {
    return em.createNamedQuery("StaffUser.byUsername", StaffUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** An authenticated staff member. */
  public record StaffIdentity(String username, Set<String> roles) {}
}
