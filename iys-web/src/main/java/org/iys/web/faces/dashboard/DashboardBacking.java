package org.iys.web.faces.dashboard;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.iys.application.dashboard.DayFigures;

/** Today's figures in Turkey: consent movements, complaint verdicts and bulk imports. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private DayFigures figures;

  private transient DayFigures.Figures today;

  public DayFigures.Figures getToday() {
    if (today == null) {
      today = figures.today();
    }
    return today;
  }

  public void refresh() {
    today = null;
  }
}
