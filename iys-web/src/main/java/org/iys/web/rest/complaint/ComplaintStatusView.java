package org.iys.web.rest.complaint;

import org.iys.domain.complaint.Complaint;

/**
 * What anyone holding a complaint number may read: its status, verdict and the reason, and nothing
 * of the complaint's content, so the number reveals no one's address.
 */
public record ComplaintStatusView(
    String complaintNumber, String status, String verdict, String reason) {

  static ComplaintStatusView of(Complaint complaint) {
    return new ComplaintStatusView(
        complaint.complaintNumber(),
        complaint.status().name(),
        complaint.verdict() == null ? null : complaint.verdict().name(),
        complaint.verdictReason());
  }
}
