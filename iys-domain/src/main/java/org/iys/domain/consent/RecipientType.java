package org.iys.domain.consent;

/**
 * Whether the recipient is addressed as a private person or as a merchant. One address may hold a
 * consent of each kind, independently.
 */
public enum RecipientType {
  /** An individual; the default when a request names no recipient type. */
  BIREYSEL,
  /**
   * A merchant or tradesman: messages to them need no prior consent until they reject, so their
   * first record may come without a source or a date.
   */
  TACIR
}
