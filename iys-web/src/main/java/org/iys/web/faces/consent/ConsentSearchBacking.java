package org.iys.web.faces.consent;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iys.application.audit.Audit;
import org.iys.application.consent.ConsentQueries;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.Recipient;
import org.iys.web.faces.AddressMask;
import org.iys.web.faces.Messages;
import org.iys.web.faces.StaffMember;

/**
 * Consent search by address: the current state of every brand and channel that holds the address,
 * and, once one is opened, its whole history. Operators see addresses masked until they open a
 * consent; every opening is audited, whoever opens it, since it shows the address and its history.
 */
@Named
@ViewScoped
public class ConsentSearchBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int HISTORY_SHOWN = 1000;

  @EJB private ConsentQueries queries;

  @EJB private Audit audit;

  @Inject private StaffMember staff;

  private String address;

  private transient List<Consent> consents = List.of();

  private final Set<Long> opened = new HashSet<>();

  private transient Consent selected;

  private transient ConsentQueries.History history;

  public void search() {
    staff.require(StaffMember.OPERATOR, StaffMember.SUPERVISOR, StaffMember.ADMIN);
    Recipient recipient = Recipient.any(address == null ? "" : address.strip());
    consents = queries.ofRecipient(recipient);
    opened.clear();
    selected = null;
    history = null;
    if (consents.isEmpty()) {
      Messages.info("consent.none");
    }
  }

  public void open(Consent consent) {
    staff.require(StaffMember.OPERATOR, StaffMember.SUPERVISOR, StaffMember.ADMIN);
    audit.record(
        staff.username(),
        "CONSENT_OPENED",
        "consent",
        String.valueOf(consent.id()),
        "brand " + consent.brandCode() + ", " + consent.type());
    opened.add(consent.id());
    selected = consent;
    history = queries.history(consent.key(), HISTORY_SHOWN, 0);
  }

  /** The address as this staff member may see it on this row now. */
  public String shown(Consent consent) {
    String whole = consent.recipient().address();
    if (!staff.seesAddressesMasked() || opened.contains(consent.id())) {
      return whole;
    }
    return AddressMask.mask(whole);
  }

  public List<Consent> getConsents() {
    return consents;
  }

  public Consent getSelected() {
    return selected;
  }

  public List<ConsentMovement> getMovements() {
    return history == null ? List.of() : history.movements();
  }

  public long getTotalMovements() {
    return history == null ? 0 : history.totalCount();
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }
}
