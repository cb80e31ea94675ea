package org.iys.batch.consentimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a consent file line by line. The checkpoint is the number of lines already handed on, so a
 * restarted import skips exactly those and reads nothing twice.
 */
@Named
public class ConsentLineReader extends AbstractItemReader {

  @Inject
  @BatchProperty(name = "file")
  private String file;

  private BufferedReader reader;

  private long lineNumber;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    long resumeAfter = checkpoint == null ? 0 : (Long) checkpoint;
    while (lineNumber < resumeAfter && reader.readLine() != null) {
      lineNumber++;
    }
  }

  @Override
  public Object readItem() throws Exception {
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    lineNumber++;
    return new ConsentLine(lineNumber, line);
  }

  @Override
  public Serializable checkpointInfo() {
    return lineNumber;
  }

  @Override
  public void close() throws Exception {
    if (reader != null) {
      reader.close();
    }
  }
}
