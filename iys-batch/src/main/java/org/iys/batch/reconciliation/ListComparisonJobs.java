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
 * memory) and starts its comparison job at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ListComparisonJobs {

  static final String JOB = "consent-reconciliation";

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
    long id = comparisons.register(iysCode, brandCode, fileName, stored.toString());
    var parameters = new Properties();
    parameters.setProperty("comparisonId", Long.toString(id));
    parameters.setProperty("brandCode", Integer.toString(brandCode));
    parameters.setProperty("path", stored.toString());
    long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
    comparisons.started(id, execution);
    return comparisons.ofBrand(iysCode, brandCode, id);
  }
}
