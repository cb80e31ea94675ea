package org.iys.batch.consentimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.iys.application.consentfile.ConsentFileChunks;
import org.iys.application.consentfile.ConsentFileRow;

/** Hands each chunk to the application, inside the chunk's transaction. */
@Named
public class ConsentRowWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "fileId")
  private String fileId;

  @Inject
  @BatchProperty(name = "iysCode")
  private String iysCode;

  @Inject
  @BatchProperty(name = "brandCode")
  private String brandCode;

  @Inject private ConsentFileChunks chunks;

  @Override
  public void writeItems(List<Object> items) {
    List<ConsentFileRow> rows = items.stream().map(ConsentFileRow.class::cast).toList();
    chunks.apply(
        Long.parseLong(fileId), Integer.parseInt(iysCode), Integer.parseInt(brandCode), rows);
  }
}
