package org.iys.batch.consentimport;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import org.iys.application.consentfile.ConsentFileLines;

/**
 * Starts bulk consent imports and reports on them. An uploaded file is streamed to the inbox folder
 * first, so even a very large file never sits in memory.
 */
@Stateless
public class ConsentImports {

  @EJB private ConsentFileLines lines;

  public long start(InputStream upload) throws IOException {
    Path inbox = Files.createDirectories(inbox());
    Path file = inbox.resolve(UUID.randomUUID() + ".csv");
    Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
    var parameters = new Properties();
    parameters.setProperty("file", file.toString());
    return operator().start("consent-import", parameters);
  }

  public ImportProgress progress(long executionId) {
    JobExecution execution = operator().getJobExecution(executionId);
    long instanceId = operator().getJobInstance(executionId).getInstanceId();
    return new ImportProgress(
        executionId, execution.getBatchStatus().name(), lines.count(instanceId));
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static Path inbox() {
    return Path.of(System.getProperty("iys.data.dir", "iys-data"), "inbox");
  }
}
