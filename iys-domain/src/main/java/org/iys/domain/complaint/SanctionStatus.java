package org.iys.domain.complaint;

/** A sanction is proposed by the judgement and decided by staff, once. */
public enum SanctionStatus {
  PROPOSED,
  CONFIRMED,
  DISMISSED
}
