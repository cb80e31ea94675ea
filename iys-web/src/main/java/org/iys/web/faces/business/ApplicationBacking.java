package org.iys.web.faces.business;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.iys.application.business.BrandCatalog;
import org.iys.application.business.BusinessRegistration;
import org.iys.domain.business.ApplicationStatus;
import org.iys.domain.business.BusinessApplication;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.faces.Messages;
import org.iys.web.faces.StaffMember;

/**
 * One application: its data, the decision (approve, or reject with a reason; supervisors and admins
 * only) and, once approved, the business's brands with their figures.
 */
@Named
@ViewScoped
public class ApplicationBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private BusinessRegistration registration;

  @EJB private BrandCatalog brands;

  @Inject private StaffMember staff;

  private long id;

  private String reason;

  private transient BusinessApplication application;

  public BusinessApplication getApplication() {
    if (application == null) {
      application =
          registration
              .application(id)
              .orElseThrow(() -> new DomainException(Violation.of(ErrorCode.IYS107).withValue(id)));
    }
    return application;
  }

  public boolean isPending() {
    return getApplication().status() == ApplicationStatus.PENDING;
  }

  public List<BrandCatalog.BrandFigures> getBrands() {
    Integer iysCode = getApplication().iysCode();
    return iysCode == null ? List.of() : brands.figures(iysCode);
  }

  public void approve() {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    application = registration.approve(id, staff.username());
    Messages.info("application.approved", application.iysCode());
  }

  public void reject() {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    application = registration.reject(id, reason, staff.username());
    Messages.info("application.rejected");
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
