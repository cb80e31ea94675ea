package org.iys.web.faces.reconciliation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.iys.application.reconciliation.BrandDay;
import org.iys.application.reconciliation.DailyMovementFiles;
import org.iys.application.reconciliation.ListComparisonView;
import org.iys.application.reconciliation.ListComparisons;

/**
 * Reconciliation runs: the latest comparisons of business lists with the registry, with their
 * differences by kind and a report from {@link ListComparisonReportServlet}, and the latest frozen
 * days of every brand's movement chain. Read-only, so every staff role may look.
 */
@Named
@ViewScoped
public class ReconciliationRunsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int COMPARISONS_SHOWN = 200;

  private static final int DAYS_PER_BRAND = 7;

  @EJB private ListComparisons comparisons;

  @EJB private DailyMovementFiles dailyFiles;

  private transient List<ListComparisonView> shownComparisons;

  private transient List<BrandDay> shownDays;

  public List<ListComparisonView> getComparisons() {
    if (shownComparisons == null) {
      shownComparisons = comparisons.recent(COMPARISONS_SHOWN);
    }
    return shownComparisons;
  }

  public List<BrandDay> getDays() {
    if (shownDays == null) {
      shownDays = dailyFiles.recentChains(DAYS_PER_BRAND);
    }
    return shownDays;
  }

  public List<String> getKinds() {
    return ListComparisons.KINDS;
  }

  public void refresh() {
    shownComparisons = null;
    shownDays = null;
  }
}
