package org.iys.batch.consentimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
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

  @Inject private JobContext job;

  private ConsentRowSource source;

  private long handedOn;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    try {
      source = ConsentRowSource.open(Path.of(path));
      handedOn = files.rowsDone(Long.parseLong(fileId));
      source.skip(handedOn);
    } catch (Exception e) {
      throw noted(e);
    }
  }

  @Override
  public Object readItem() {
    try {
      RawRow row = source.next();
      if (row != null) {
        handedOn = row.recordNumber();
      }
      return row;
    } catch (RuntimeException e) {
      throw noted(e);
    }
  }

  /**
   * Leaves the cause where {@link ConsentFileJobListener} finds it, so that the file itself says
   * why its import failed. A malformed row never gets here: the source hands it on as a refused
   * row.
   */
  private <E extends Exception> E noted(E e) {
    Throwable cause = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
    job.setTransientUserData(
        "Reading the file failed after row "
            + handedOn
            + ": "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
            + ".");
    return e;
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
