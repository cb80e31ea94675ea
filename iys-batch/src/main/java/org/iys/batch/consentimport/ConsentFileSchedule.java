package org.iys.batch.consentimport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The nightly start of waiting consent files, at {@code iys.import.nightly-at} (HH:mm, Turkey time,
 * 02:00 unless configured), and, shortly after the server starts, the continuation of imports this
 * instance was running when it went down.
 *
 * <p>Timers are not persistent and every instance has its own: the claim in the database, not the
 * timer, decides which instance imports a file.
 */
@Singleton
@Startup
public class ConsentFileSchedule {

  private static final String NIGHTLY = "nightly";
  private static final String RESUME = "resume";
  private static final long RESUME_DELAY_MILLIS = 10_000;

  private static final System.Logger LOG = System.getLogger(ConsentFileSchedule.class.getName());

  @Resource private TimerService timers;

  @EJB private ConsentImports imports;

  private final Instant bootTime = Instant.now();

  @PostConstruct
  void schedule() {
    String at =
        ConfigProvider.getConfig()
            .getOptionalValue("iys.import.nightly-at", String.class)
            .orElse("02:00");
    String[] hourMinute = at.split(":");
    timers.createCalendarTimer(
        new ScheduleExpression()
            .hour(hourMinute[0])
            .minute(hourMinute[1])
            .timezone("Europe/Istanbul"),
        new TimerConfig(NIGHTLY, false));
    // Later than start-up itself, so the schema migration has run.
    timers.createSingleActionTimer(RESUME_DELAY_MILLIS, new TimerConfig(RESUME, false));
  }

  @Timeout
  void run(Timer timer) {
    if (RESUME.equals(timer.getInfo())) {
      imports.resumeInterrupted(bootTime);
    } else {
      int started = imports.startWaiting();
      LOG.log(System.Logger.Level.INFO, "nightly run started {0} consent file imports", started);
    }
  }
}
