package org.iys.web.rest.security;

import jakarta.enterprise.context.RequestScoped;

/** The business behind the current request, and what it may reach. */
@RequestScoped
public class BusinessCaller {

  // The bearer-token check of the API-user work replaces this body; until then every caller passes.
  public void requireBrand(int iysCode, int brandCode) {}

  // The bearer-token check of the API-user work replaces this body; until then every caller passes.
  public void requireBusiness(int iysCode) {}
}
