package org.iys.web.faces.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.iys.web.faces.StaffMember;
import org.iys.web.security.StaffAuthenticationMechanism;

/** Who is logged in, what they may see, and logging out. */
@Named
@RequestScoped
public class SessionBacking {

  @Inject private StaffMember staff;

  public String getUsername() {
    return staff.username();
  }

  public boolean isSupervisor() {
    return staff.has(StaffMember.SUPERVISOR, StaffMember.ADMIN);
  }

  public boolean isAdmin() {
    return staff.has(StaffMember.ADMIN);
  }

  public String logout() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpSession session = (HttpSession) external.getSession(false);
    if (session != null) {
      StaffAuthenticationMechanism.forget(session);
      session.invalidate();
    }
    return "/staff/login?faces-redirect=true";
  }
}
