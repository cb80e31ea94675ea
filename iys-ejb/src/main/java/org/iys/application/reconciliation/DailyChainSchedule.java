package org.iys.application.reconciliation;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Freezes the previous day's movement files of every brand shortly after midnight in Turkey. Every
 * instance fires this schedule; the claim of the day in the database lets exactly one do the work.
 * A day that nobody froze at night is frozen on its first request instead.
 */
@Singleton
public class DailyChainSchedule {

  private static final System.Logger LOG = System.getLogger(DailyChainSchedule.class.getName());

  @EJB private DailyMovementFiles files;

  @Schedule(hour = "0", minute = "20", timezone = "Europe/Istanbul", persistent = false)
  public void freezeYesterday() {
    String instance =
        ConfigProvider.getConfig()
            .getOptionalValue("iys.instance.name", String.class)
            .orElse("iys");
    int brands = files.freezeYesterday(instance);
    if (brands >= 0) {
      LOG.log(System.Logger.Level.INFO, "froze yesterday''s movement files of {0} brands", brands);
    }
  }
}
