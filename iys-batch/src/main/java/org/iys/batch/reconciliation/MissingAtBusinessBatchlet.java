package org.iys.batch.reconciliation;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.iys.application.reconciliation.ListComparisons;

/** The registry's keys the list left out, found once the whole list has been read. */
@Named
public class MissingAtBusinessBatchlet extends AbstractBatchlet {

  @Inject
  @BatchProperty(name = "comparisonId")
  private String comparisonId;

  @Inject
  @BatchProperty(name = "brandCode")
  private String brandCode;

  @Inject private ListComparisons comparisons;

  @Override
  public String process() {
    comparisons.findMissingAtBusiness(Long.parseLong(comparisonId), Integer.parseInt(brandCode));
    return "COMPLETED";
  }
}
