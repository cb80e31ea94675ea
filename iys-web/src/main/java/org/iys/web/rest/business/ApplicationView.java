package org.iys.web.rest.business;

import org.iys.domain.business.BusinessApplication;

/**
 * A business application as the applicant sees it: where it stands, the iysCode once approved and
 * the reason once rejected. Contact details and staff names are for staff only.
 */
public record ApplicationView(
    long id,
    String title,
    String taxNumber,
    String mersisNumber,
    String status,
    String appliedAt,
    Integer iysCode,
    String rejectionReason) {

  static ApplicationView of(BusinessApplication application) {
    return new ApplicationView(
        application.id(),
        application.title(),
        application.taxNumber(),
        application.mersisNumber(),
        application.status().name(),
        application.appliedAt().toString(),
        application.iysCode(),
        application.rejectionReason());
  }
}
