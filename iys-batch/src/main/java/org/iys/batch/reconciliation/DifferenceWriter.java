package org.iys.batch.reconciliation;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.iys.application.reconciliation.ListComparisons;
import org.iys.application.reconciliation.ListEntry;

/** Hands each chunk of the list to the comparison, inside the chunk's transaction. */
@Named
public class DifferenceWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "comparisonId")
  private String comparisonId;

  @Inject
  @BatchProperty(name = "brandCode")
  private String brandCode;

  @Inject private ListComparisons comparisons;

  @Override
  public void writeItems(List<Object> items) {
    comparisons.compare(
        Long.parseLong(comparisonId),
        Integer.parseInt(brandCode),
        items.stream().map(ListEntry.class::cast).toList());
  }
}
