package org.iys.web.rest.security;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling the business API, and which service providers and brands they may act for. */
@RequestScoped
public class BusinessCaller {

  /** Refuses unless the caller acts for this brand; the API token check replaces this body. */
  public void requireBrand(int iysCode, int brandCode) {}

  /** Refuses unless the caller acts for this service provider; the token check replaces it. */
  public void requireBusiness(int iysCode) {}
}
