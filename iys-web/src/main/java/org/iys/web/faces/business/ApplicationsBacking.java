package org.iys.web.faces.business;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.business.BusinessApplication;
import org.iys.domain.business.Contact;

/** The staff list of business applications, with a form to record one on a business's behalf. */
@Named
@RequestScoped
public class ApplicationsBacking {

  @EJB private BusinessRegistration registration;

  private String title;

  private String taxNumber;

  private List<BusinessApplication> applications;

  public List<BusinessApplication> getApplications() {
    if (applications == null) {
      applications = registration.applications(100);
    }
    return applications;
  }

  public String apply() {
    registration.apply(title, taxNumber, null, new Contact(null, null, null));
    return "applications?faces-redirect=true";
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getTaxNumber() {
    return taxNumber;
  }

  public void setTaxNumber(String taxNumber) {
    this.taxNumber = taxNumber;
  }
}
