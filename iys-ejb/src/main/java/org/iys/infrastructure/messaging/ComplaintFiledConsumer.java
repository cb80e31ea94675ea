package org.iys.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes complaints off the queue {@code iys.complaints} into the registry, many per transaction: a
 * few worker threads on this instance each receive a batch, register it and commit it with the
 * messages' acknowledgements (see {@link ComplaintQueueReader}). Every instance runs its own
 * workers as competing consumers of the one queue; nothing is shared between instances but the
 * broker and the database.
 *
 * <p>After a failed message, every worker on the instance takes messages one at a time for {@link
 * #CAREFUL_MILLIS}: the broker redelivers the failed batch, the bad message fails alone until it is
 * dead-lettered, and the others are stored. A broker that is down is retried every second for as
 * long as it takes.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ComplaintFiledConsumer {

  private static final System.Logger LOG = System.getLogger(ComplaintFiledConsumer.class.getName());

  static final int WORKERS = 4;

  static final int BATCH = 64;

  // Long enough for the broker's redeliveries (five, 200 ms apart) of a failed batch to come
  // back and fail alone; extended by every further failure.
  static final long CAREFUL_MILLIS = 5_000;

  private static final long IDLE_WAIT_MILLIS = 1_000;

  @Resource private ManagedThreadFactory threads;

  @EJB private ComplaintQueueReader reader;

  private final AtomicLong carefulUntil = new AtomicLong();

  private final List<Thread> workers = new ArrayList<>();

  private volatile boolean running;

  @PostConstruct
  void start() {
    running = true;
    for (int i = 0; i < WORKERS; i++) {
      Thread worker = threads.newThread(this::work);
      worker.setName("iys-complaints-" + i);
      worker.start();
      workers.add(worker);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(IDLE_WAIT_MILLIS * 10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void work() {
    while (running) {
      boolean careful = System.currentTimeMillis() < carefulUntil.get();
      try {
        var batch = reader.take(careful ? 1 : BATCH, IDLE_WAIT_MILLIS);
        if (batch.failed()) {
          carefulUntil.set(System.currentTimeMillis() + CAREFUL_MILLIS);
        }
      } catch (RuntimeException e) {
        // The broker or the database went away, or the commit failed: the batch is back on the
        // queue, and the next attempt starts from a fresh connection.
        carefulUntil.set(System.currentTimeMillis() + CAREFUL_MILLIS);
        LOG.log(
            System.Logger.Level.WARNING,
            () -> "IYS-COMPLAINT-3 a batch of complaints was rolled back: " + kind(e));
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(IDLE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static String kind(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName();
  }
}
