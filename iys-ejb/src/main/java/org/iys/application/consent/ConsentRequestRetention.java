package org.iys.application.consent;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Duration;

/**
 * Forgets bulk requests after their retention, nightly, and sends again the slices of requests left
 * unfinished. Every instance runs its own schedule (timers are not coordinated on Micro); the
 * delete is idempotent, and a slice delivered twice applies its items once.
 */
@Singleton
public class ConsentRequestRetention {

  private static final System.Logger LOG =
      System.getLogger(ConsentRequestRetention.class.getName());

  @EJB private ConsentRequests requests;

  // Well past the seconds a queued slice normally waits; a day back at most, so a request that
  // keeps failing is not sent again forever.
  @Schedule(hour = "*", minute = "*/2", persistent = false)
  void resendStalled() {
    try {
      int resent = requests.resendStalled(Duration.ofMinutes(5), Duration.ofDays(1));
      if (resent > 0) {
        LOG.log(System.Logger.Level.WARNING, "sent {0} stalled bulk request slices again", resent);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "resending stalled bulk request slices failed", e);
    }
  }

  @Schedule(hour = "3", minute = "17", persistent = false)
  void forgetExpired() {
    int forgotten = requests.forgetExpired();
    LOG.log(System.Logger.Level.INFO, "forgot {0} expired bulk consent requests", forgotten);
  }
}
