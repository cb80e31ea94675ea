package org.iys.batch.consentimport;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.iys.application.consentfile.ConsentFileLines;
import org.iys.domain.consentfile.ConsentFileLine;

/** Stores each chunk of lines in one transaction with the chunk's checkpoint. */
@Named
public class ConsentLineWriter extends AbstractItemWriter {

  @Inject private JobContext job;

  @Inject private ConsentFileLines lines;

  @Override
  public void writeItems(List<Object> items) {
    var batch = new ArrayList<ConsentFileLine>(items.size());
    for (Object item : items) {
      var line = (ConsentLine) item;
      if (line.number() == 1 || line.text().isBlank()) {
        continue;
      }
      String[] fields = line.text().split("[,;]", -1);
      batch.add(
          new ConsentFileLine(
              job.getInstanceId(),
              line.number(),
              field(fields, 0),
              field(fields, 1),
              field(fields, 2)));
    }
    lines.store(batch);
  }

  private static String field(String[] fields, int index) {
    return index < fields.length ? fields[index].trim() : null;
  }
}
