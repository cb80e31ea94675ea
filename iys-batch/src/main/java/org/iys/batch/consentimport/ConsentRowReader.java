package org.iys.batch.consentimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import org.iys.application.consentfile.ConsentFiles;

/**
 * Reads the data rows of one consent file. Where an earlier run left off is taken from the report
 * rows already stored, which are committed in the same transaction as the movements: so a run that
 * resumes, whether through the batch runtime's restart or as a new run after a crash, neither skips
 * nor repeats a row.
 */
@Named
public class ConsentRowReader extends AbstractItemReader {

  @Inject
  @BatchProperty(name = "path")
  private String path;

  @Inject
  @BatchProperty(name = "fileId")
  private String fileId;

  @Inject private ConsentFiles files;

  private ConsentRowSource source;

  private long handedOn;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    source = ConsentRowSource.open(Path.of(path));
    handedOn = files.rowsDone(Long.parseLong(fileId));
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
