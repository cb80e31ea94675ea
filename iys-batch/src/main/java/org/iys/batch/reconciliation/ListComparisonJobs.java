package org.iys.batch.reconciliation;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.iys.application.reconciliation.ListComparisonView;
import org.iys.application.reconciliation.ListComparisons;
import org.iys.batch.consentimport.ConsentImports;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Receives a business's own list (streamed to {@code <data dir>/list-comparisons/}, never held in
 * memory) and starts its comparison job at once; an instance that went down mid-comparison
 * continues it when it starts again ({@link ListComparisonSchedule}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ListComparisonJobs {

  static final String JOB = "consent-reconciliation";

  private static final System.Logger LOG = System.getLogger(ListComparisonJobs.class.getName());

  @EJB private ListComparisons comparisons;

  public ListComparisonView receive(int iysCode, int brandCode, InputStream body, String fileName)
      throws IOException {
    Path store = Files.createDirectories(ConsentImports.dataDir().resolve("list-comparisons"));
    Path stored = store.resolve(iysCode + "-" + brandCode + "-" + UUID.randomUUID());
    long size = Files.copy(body, stored);
    if (size == 0) {
      Files.deleteIfExists(stored);
      throw new DomainException(Violation.of(ErrorCode.IYS013));
    }
    long id =
        comparisons.register(
            iysCode, brandCode, fileName, stored.toString(), ConsentImports.instance());
    launch(id, brandCode);
    return comparisons.ofBrand(iysCode, brandCode, id);
  }

  /**
   * After a restart: comparisons this instance was running when it went down are continued from the
   * rows already compared.
   */
  public void resumeInterrupted(Instant bootTime) {
    String instance = ConsentImports.instance();
    for (long id : comparisons.runningOn(instance)) {
      if (comparisons.takeOver(id, instance, bootTime)) {
        LOG.log(System.Logger.Level.INFO, "resuming the interrupted list comparison {0}", id);
        launch(id, comparisons.find(id).orElseThrow().brandCode());
      }
    }
  }

  // Each run is a new job instance, like the import's: where to continue is the count of rows
  // committed with the differences, not the batch runtime's checkpoint of a job that died with
  // its server.
  private void launch(long id, int brandCode) {
    var parameters = new Properties();
    parameters.setProperty("comparisonId", Long.toString(id));
    parameters.setProperty("brandCode", Integer.toString(brandCode));
    parameters.setProperty("path", comparisons.storedPath(id));
    long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
    comparisons.started(id, execution);
  }
}
