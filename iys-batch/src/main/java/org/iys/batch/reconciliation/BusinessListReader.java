package org.iys.batch.reconciliation;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import org.iys.application.reconciliation.ListComparisons;
import org.iys.batch.consentimport.ConsentRowSource;
import org.iys.batch.consentimport.RawRow;

/**
 * Reads a business's own list with the bulk import's reader, so it accepts exactly the same files
 * (CSV in UTF-8 or Windows-1254, comma or semicolon, or JSON lines). Where an earlier run left off
 * is the count of rows compared, committed in the same transaction as their differences, so a run
 * restarted by the batch runtime or started anew after a crash neither skips nor repeats a row.
 */
@Named
public class BusinessListReader extends AbstractItemReader {

  @Inject
  @BatchProperty(name = "path")
  private String path;

  @Inject
  @BatchProperty(name = "comparisonId")
  private String comparisonId;

  @Inject private ListComparisons comparisons;

  private ConsentRowSource source;

  private long handedOn;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    source = ConsentRowSource.open(Path.of(path));
    handedOn = comparisons.rowsDone(Long.parseLong(comparisonId));
    source.skip(handedOn);
  }

  @Override
  public Object readItem() {
    RawRow row = source.next();
    if (row != null) {
      handedOn = row.recordNumber();
    }
    return row;
  }

  @Override
  public Serializable checkpointInfo() {
    return handedOn;
  }

  @Override
  public void close() throws Exception {
    if (source != null) {
      source.close();
    }
  }
}
