package org.iys.domain.complaint;

/** What a complaint came to. */
public enum Verdict {
  VIOLATION,
  NO_VIOLATION,
  /** The complaint could not be judged as filed, for example because the brand is unknown. */
  INVALID
}
