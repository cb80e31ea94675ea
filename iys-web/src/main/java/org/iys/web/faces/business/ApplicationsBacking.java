package org.iys.web.faces.business;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.business.ApplicationStatus;
import org.iys.domain.business.BusinessApplication;

/** The list of business applications, newest first, narrowed by status. */
@Named
@ViewScoped
public class ApplicationsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int SHOWN = 500;

  @EJB private BusinessRegistration registration;

  private ApplicationStatus status = ApplicationStatus.PENDING;

  private transient List<BusinessApplication> applications;

  public List<BusinessApplication> getApplications() {
    if (applications == null) {
      applications =
          status == null
              ? registration.applications(SHOWN)
              : registration.applications(status, SHOWN);
    }
    return applications;
  }

  public void filter() {
    applications = null;
  }

  public ApplicationStatus[] getStatuses() {
    return ApplicationStatus.values();
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public void setStatus(ApplicationStatus status) {
    this.status = status;
  }
}
