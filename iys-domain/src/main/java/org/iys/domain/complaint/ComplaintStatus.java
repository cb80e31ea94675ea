package org.iys.domain.complaint;

/** The life of a complaint as the complainant follows it. */
public enum ComplaintStatus {
  /** Stored, not yet judged; only seen while a judgement is being written. */
  RECEIVED,
  /** Judged; for a violation a sanction proposal awaits staff. */
  JUDGED,
  /** Staff confirmed the proposed sanction. */
  SANCTIONED,
  /** Staff dismissed the proposed sanction. */
  SANCTION_DISMISSED
}
