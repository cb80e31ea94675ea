package org.iys.batch.reconciliation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;

/**
 * Shortly after the server starts, continues the list comparisons this instance was running when it
 * went down. The timer is not persistent: the claim in the database decides which comparisons are
 * this instance's.
 */
@Singleton
@Startup
public class ListComparisonSchedule {

  // Later than start-up itself, so the schema migration has run.
  private static final long RESUME_DELAY_MILLIS = 10_000;

  @Resource private TimerService timers;

  @EJB private ListComparisonJobs jobs;

  private final Instant bootTime = Instant.now();

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(RESUME_DELAY_MILLIS, new TimerConfig("resume", false));
  }

  @Timeout
  void resume() {
    jobs.resumeInterrupted(bootTime);
  }
}
