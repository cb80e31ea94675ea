package org.iys.batch.consentimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.iys.application.consentfile.ConsentFiles;

/** Records the end of an import on its file, so the file's status says whether it is done. */
@Named
public class ConsentFileJobListener extends AbstractJobListener {

  private static final System.Logger LOG = System.getLogger(ConsentFileJobListener.class.getName());

  @Inject
  @BatchProperty(name = "fileId")
  private String fileId;

  @Inject private JobContext job;

  @Inject private ConsentFiles files;

  @Override
  public void afterJob() {
    BatchStatus status = job.getBatchStatus();
    boolean failed =
        status == BatchStatus.FAILED
            || status == BatchStatus.STOPPING
            || status == BatchStatus.STOPPED;
    String failure = null;
    if (failed) {
      failure = "The import job " + job.getExecutionId() + " ended as " + status + ".";
      if (job.getTransientUserData() instanceof String cause) {
        failure = failure + " " + cause;
      }
    }
    files.finished(Long.parseLong(fileId), !failed, failure);
    LOG.log(
        System.Logger.Level.INFO,
        "consent file {0} import ended as {1}",
        fileId,
        failed ? status : "COMPLETED");
  }
}
