package org.iys.web.faces.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.iys.web.security.StaffAuthenticationMechanism;

/** What the login page needs beyond its labels: the token its form must post back. */
@Named
@RequestScoped
public class LoginBacking {

  @Inject private HttpServletRequest request;

  public String getToken() {
    return StaffAuthenticationMechanism.loginToken(request.getSession(true));
  }
}
