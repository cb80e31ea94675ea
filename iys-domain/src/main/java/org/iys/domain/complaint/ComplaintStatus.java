package org.iys.domain.complaint;

/** The life of a complaint, from intake to a verdict. */
public enum ComplaintStatus {
  RECEIVED
}
