package org.iys.web.rest.security;

import jakarta.enterprise.context.RequestScoped;

/** The staff member behind the current request, and the roles a staff action needs. */
@RequestScoped
public class StaffCaller {

  /** Lets every request through until staff accounts and Basic authentication replace this. */
  public void requireRole(String... roles) {}

  /** Who is recorded in the audit trail; a fixed name until real authentication replaces it. */
  public String username() {
    return "staff";
  }
}
