package org.iys.web.rest.business;

import org.iys.domain.business.BusinessApplication;

/** A business application as the API shows it. */
public record ApplicationView(
    long id, String title, String taxNumber, String mersisNumber, String status, String appliedAt) {

  static ApplicationView of(BusinessApplication application) {
    return new ApplicationView(
        application.id(),
        application.title(),
        application.taxNumber(),
        application.mersisNumber(),
        application.status().name(),
        application.appliedAt().toString());
  }
}
