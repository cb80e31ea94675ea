package org.iys.domain.consent;

/** The channel a consent covers; the recipient's address must fit it. */
public enum ConsentType {
  /** Commercial SMS, to a phone number. */
  MESAJ,
  /** Commercial voice calls, to a phone number (landlines included). */
  ARAMA,
  /** Commercial e-mail, to an e-mail address. */
  EPOSTA;

  public boolean takesPhoneNumber() {
    return this != EPOSTA;
  }
}
