package org.iys.web.faces.complaint;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iys.application.audit.Audit;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.application.complaint.DeadLetters;
import org.iys.domain.complaint.Complaint;
import org.iys.domain.complaint.ComplaintStatus;
import org.iys.domain.complaint.Verdict;
import org.iys.web.faces.AddressMask;
import org.iys.web.faces.Messages;
import org.iys.web.faces.StaffMember;

/**
 * The complaints inbox with its filters, and the dead-letter queue with replay. The reason a
 * message failed may quote the message and so an address; operators see such addresses masked until
 * they reveal the reason, and each reveal is audited.
 */
@Named
@ViewScoped
public class ComplaintsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int SHOWN = 500;

  @EJB private ComplaintRegistry registry;

  @EJB private DeadLetters deadLetters;

  @EJB private Audit audit;

  @Inject private StaffMember staff;

  private final Set<String> revealed = new HashSet<>();

  private ComplaintStatus status;

  private Verdict verdict;

  private transient List<Complaint> complaints;

  private transient List<DeadLetters.DeadLetter> letters;

  public List<Complaint> getComplaints() {
    if (complaints == null) {
      complaints = registry.inbox(status, verdict, SHOWN);
    }
    return complaints;
  }

  public List<DeadLetters.DeadLetter> getDeadLetters() {
    if (letters == null) {
      letters = deadLetters.list();
    }
    return letters;
  }

  public void filter() {
    complaints = null;
  }

  /** The failure reason as this staff member may see it now. */
  public String reason(DeadLetters.DeadLetter letter) {
    if (!staff.seesAddressesMasked() || revealed.contains(letter.messageId())) {
      return letter.reason();
    }
    return AddressMask.maskWithin(letter.reason());
  }

  /** Whether the reason hides an address this staff member may reveal. */
  public boolean masksAddress(DeadLetters.DeadLetter letter) {
    return letter.reason() != null && !letter.reason().equals(reason(letter));
  }

  public void reveal(String messageId) {
    staff.require(StaffMember.OPERATOR, StaffMember.SUPERVISOR, StaffMember.ADMIN);
    audit.record(staff.username(), "DEAD_LETTER_REVEALED", "complaint_message", messageId, null);
    revealed.add(messageId);
  }

  public void replay(String messageId) {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    deadLetters.replay(messageId, staff.username());
    letters = null;
    complaints = null;
    Messages.info("deadLetter.replayed", messageId);
  }

  public ComplaintStatus[] getStatuses() {
    return ComplaintStatus.values();
  }

  public Verdict[] getVerdicts() {
    return Verdict.values();
  }

  public ComplaintStatus getStatus() {
    return status;
  }

  public void setStatus(ComplaintStatus status) {
    this.status = status;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public void setVerdict(Verdict verdict) {
    this.verdict = verdict;
  }
}
