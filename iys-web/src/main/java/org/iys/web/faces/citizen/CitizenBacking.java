package org.iys.web.faces.citizen;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.iys.application.citizen.AddressVerifications;
import org.iys.application.citizen.AddressVerifications.Outcome;
import org.iys.application.citizen.CitizenConsents;
import org.iys.application.citizen.CitizenConsents.Channel;
import org.iys.application.citizen.CitizenConsents.CitizenConsent;
import org.iys.application.citizen.CitizenSessions;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;

/**
 * The citizen page: prove an address with a code, then see and change every brand's consent for the
 * proven addresses. It calls the same services as the citizen REST API; the session token lives in
 * this view only.
 */
@Named
@ViewScoped
public class CitizenBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private AddressVerifications verifications;

  @EJB private CitizenSessions sessions;

  @EJB private CitizenConsents consents;

  private String address;
  private String verificationId;
  private String code;
  private String token;
  private String newBrandCode;
  private String newType = ConsentType.MESAJ.name();
  private String newRecipient;

  public String sendCode() {
    try {
      verificationId = verifications.start(address, request().getRemoteAddr()).verificationId();
      code = null;
      info("A code was sent to the address; enter it below.");
    } catch (DomainException refused) {
      show(refused);
    }
    return null;
  }

  public String confirm() {
    var confirmation = verifications.confirm(verificationId, code, token);
    if (confirmation.outcome() == Outcome.CONFIRMED) {
      token = confirmation.token();
      verificationId = null;
      address = null;
      info("The address is verified.");
    } else {
      error(
          confirmation.outcome() == Outcome.WRONG_CODE
              ? "The code is wrong; " + confirmation.triesLeft() + " more tries are allowed."
              : "The code can no longer be used ("
                  + confirmation.outcome()
                  + "); request a new one.");
    }
    code = null;
    return null;
  }

  public String set(CitizenConsent consent, String status) {
    return act(
        () ->
            consents.change(
                addresses(),
                consent.recipient(),
                consent.brandCode(),
                consent.type(),
                consent.recipientType(),
                ConsentStatus.valueOf(status),
                Channel.WEB));
  }

  public String add() {
    return act(
        () ->
            consents.change(
                addresses(),
                newRecipient,
                Integer.parseInt(newBrandCode.strip()),
                ConsentType.valueOf(newType),
                RecipientType.BIREYSEL,
                ConsentStatus.ONAY,
                Channel.WEB));
  }

  public String rejectAll(String recipient) {
    try {
      int rejected = consents.rejectAll(addresses(), recipient, Channel.WEB);
      info(
          rejected == 0
              ? "Nothing was left to reject for this address."
              : "Rejected " + rejected + (rejected == 1 ? " consent." : " consents."));
    } catch (DomainException refused) {
      show(refused);
    }
    return null;
  }

  public boolean isVerified() {
    return !addresses().isEmpty();
  }

  public List<String> addresses() {
    return token == null ? List.of() : sessions.addresses(token).orElse(List.of());
  }

  public List<String> getAddresses() {
    return addresses();
  }

  public List<CitizenConsent> getConsents() {
    return consents.of(addresses());
  }

  public String since(CitizenConsent consent) {
    return ConsentDate.format(consent.since());
  }

  public ConsentType[] getTypes() {
    return ConsentType.values();
  }

  private String act(Runnable change) {
    try {
      change.run();
      info("Saved.");
    } catch (DomainException refused) {
      show(refused);
    } catch (NumberFormatException | NullPointerException badBrandCode) {
      error("Enter the brand's code as a number.");
    }
    return null;
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  private static void show(DomainException refused) {
    for (Violation violation : refused.violations()) {
      error(violation.code().code() + ": " + violation.message());
    }
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getVerificationId() {
    return verificationId;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNewBrandCode() {
    return newBrandCode;
  }

  public void setNewBrandCode(String newBrandCode) {
    this.newBrandCode = newBrandCode;
  }

  public String getNewType() {
    return newType;
  }

  public void setNewType(String newType) {
    this.newType = newType;
  }

  public String getNewRecipient() {
    return newRecipient;
  }

  public void setNewRecipient(String newRecipient) {
    this.newRecipient = newRecipient;
  }
}
