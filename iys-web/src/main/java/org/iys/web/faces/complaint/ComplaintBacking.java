package org.iys.web.faces.complaint;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.iys.application.audit.Audit;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.application.complaint.Sanctions;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.complaint.SanctionProposal;
import org.iys.domain.complaint.SanctionStatus;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.faces.AddressMask;
import org.iys.web.faces.Messages;
import org.iys.web.faces.StaffMember;

/**
 * One complaint: what was reported, the verdict with the movements it relied on, and the proposed
 * sanction, which a supervisor or admin confirms or dismisses with a reason. Operators see the
 * recipient's address masked until they reveal it, and each reveal is audited, as on the consent
 * search.
 */
@Named
@ViewScoped
public class ComplaintBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private ComplaintRegistry registry;

  @EJB private Sanctions sanctions;

  @EJB private Audit audit;

  @Inject private StaffMember staff;

  private String number;

  private String reason;

  private boolean revealed;

  private transient Complaint complaint;

  private transient SanctionProposal sanction;

  private transient List<ConsentMovement> evidence;

  public Complaint getComplaint() {
    if (complaint == null) {
      complaint =
          registry
              .byNumber(number == null ? "" : number)
              .orElseThrow(
                  () -> new DomainException(Violation.of(ErrorCode.IYS204, "number", number)));
    }
    return complaint;
  }

  /** The reported address as this staff member may see it now. */
  public String getRecipient() {
    String whole = getComplaint().report().recipient();
    return isAddressMasked() ? AddressMask.mask(whole) : whole;
  }

  public boolean isAddressMasked() {
    return staff.seesAddressesMasked() && !revealed;
  }

  public void reveal() {
    staff.require(StaffMember.OPERATOR, StaffMember.SUPERVISOR, StaffMember.ADMIN);
    audit.record(
        staff.username(),
        "COMPLAINT_ADDRESS_REVEALED",
        "complaint",
        getComplaint().complaintNumber(),
        "brand " + getComplaint().brandCode());
    revealed = true;
  }

  public List<ConsentMovement> getEvidence() {
    if (evidence == null) {
      evidence = registry.evidence(getComplaint());
    }
    return evidence;
  }

  public SanctionProposal getSanction() {
    if (sanction == null) {
      sanction = sanctions.ofComplaint(getComplaint().id()).orElse(null);
    }
    return sanction;
  }

  public boolean isSanctionOpen() {
    return getSanction() != null && getSanction().status() == SanctionStatus.PROPOSED;
  }

  public void confirm() {
    decide(true);
  }

  public void dismiss() {
    decide(false);
  }

  private void decide(boolean confirm) {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    sanction = sanctions.decide(getSanction().id(), confirm, reason, staff.username());
    complaint = null;
    Messages.info(confirm ? "sanction.confirmed" : "sanction.dismissed");
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
