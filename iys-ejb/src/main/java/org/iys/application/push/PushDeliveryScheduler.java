package org.iys.application.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs push delivery every second on every instance. Running everywhere is safe: the database claim
 * in {@link PushDelivery} lets exactly one instance deliver to a given connection at a time, and
 * the cursor in the database makes a restart continue where the last one stopped.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class PushDeliveryScheduler {

  private static final System.Logger LOG = System.getLogger(PushDeliveryScheduler.class.getName());

  private static final long ROUND_MILLIS = 10_000;

  @Resource private ManagedScheduledExecutorService executor;

  @Inject private PushDelivery delivery;

  private ScheduledFuture<?> rounds;

  @PostConstruct
  void start() {
    rounds = executor.scheduleWithFixedDelay(this::round, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    rounds.cancel(false);
  }

  // A failing round must not end the schedule: the executor drops a task that throws.
  private void round() {
    try {
      delivery.deliverDue(ROUND_MILLIS);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, () -> "PUSH-003 push delivery round failed", e);
    }
  }
}
