package org.iys.application.consent;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * Forgets bulk requests after their retention, nightly. Every instance runs its own schedule
 * (timers are not coordinated on Micro); the delete is idempotent, so a second run only finds
 * nothing.
 */
@Singleton
public class ConsentRequestRetention {

  private static final System.Logger LOG =
      System.getLogger(ConsentRequestRetention.class.getName());

  @EJB private ConsentRequests requests;

  @Schedule(hour = "3", minute = "17", persistent = false)
  void forgetExpired() {
    int forgotten = requests.forgetExpired();
    LOG.log(System.Logger.Level.INFO, "forgot {0} expired bulk consent requests", forgotten);
  }
}
