package org.iys.batch.reconciliation;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.iys.application.reconciliation.ListComparisons;

/** Marks the comparison completed or failed when its job ends. */
@Named
public class ListComparisonJobListener extends AbstractJobListener {

  @Inject
  @BatchProperty(name = "comparisonId")
  private String comparisonId;

  @Inject private JobContext job;

  @Inject private ListComparisons comparisons;

  @Override
  public void afterJob() {
    BatchStatus status = job.getBatchStatus();
    boolean completed = status == BatchStatus.COMPLETED || status == BatchStatus.STARTED;
    comparisons.finished(
        Long.parseLong(comparisonId),
        completed,
        completed ? null : "The comparison job ended as " + status + ".");
  }
}
