package org.iys.domain.business;

/** Where a business application stands in staff review. */
public enum ApplicationStatus {
  PENDING,
  APPROVED,
  REJECTED
}
