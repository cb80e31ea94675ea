package org.iys.web.rest.business;

import org.iys.domain.business.BusinessApplication;

/** A business application with everything staff need to decide on it. */
public record StaffApplicationView(
    long id,
    String title,
    String taxNumber,
    String mersisNumber,
    String address,
    String email,
    String phone,
    String status,
    String appliedAt,
    Integer iysCode,
    Integer brandCode,
    String decidedAt,
    String decidedBy,
    String rejectionReason) {

  static StaffApplicationView of(BusinessApplication application) {
    var contact = application.contact();
    return new StaffApplicationView(
        application.id(),
        application.title(),
        application.taxNumber(),
        application.mersisNumber(),
        contact.address(),
        contact.email(),
        contact.phone(),
        application.status().name(),
        application.appliedAt().toString(),
        application.iysCode(),
        application.iysCode(),
        application.decidedAt() == null ? null : application.decidedAt().toString(),
        application.decidedBy(),
        application.rejectionReason());
  }
}
