package org.iys.domain.consent;

/** The two states a consent can be in; spelled exactly so on the wire (never RED). */
public enum ConsentStatus {
  /** The recipient agreed to receive commercial messages. */
  ONAY,
  /** The recipient refused or withdrew consent. */
  RET
}
