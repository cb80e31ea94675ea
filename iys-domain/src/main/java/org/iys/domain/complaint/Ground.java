package org.iys.domain.complaint;

/**
 * Why a complaint got its verdict, with the sentence the complainant reads. Violations name the
 * fine article that applies.
 */
public enum Ground {
  NO_CONSENT(
      Verdict.VIOLATION,
      "NO_CONSENT",
      "The brand held no consent for this address and channel when the message arrived."),
  SENT_AFTER_STOP_WINDOW(
      Verdict.VIOLATION,
      "AFTER_RET",
      "The address had rejected the brand, and the message arrived after the 3 business days the"
          + " brand had to stop sending."),
  WITHIN_STOP_WINDOW(
      Verdict.NO_VIOLATION,
      null,
      "The address had rejected the brand, but the message arrived within the 3 business days the"
          + " law gives the brand to stop sending."),
  CONSENT_IN_FORCE(
      Verdict.NO_VIOLATION,
      null,
      "The brand held a valid consent for this address and channel when the message arrived."),
  MERCHANT_NOT_REJECTED(
      Verdict.NO_VIOLATION,
      null,
      "The address is registered as a merchant that had not rejected the brand; merchants need no"
          + " prior consent."),
  UNKNOWN_BRAND(
      Verdict.INVALID,
      null,
      "The brand could not be found in the registry. Please file the complaint again with the"
          + " brand code shown in the registry."),
  AMBIGUOUS_BRAND(
      Verdict.INVALID,
      null,
      "Several brands in the registry have this name. Please file the complaint again with the"
          + " brand code shown in the registry."),
  ADDRESS_MISMATCH(
      Verdict.INVALID,
      null,
      "The address does not fit the channel: SMS and calls go to a phone number in the form"
          + " +905321234567, e-mail to an e-mail address."),
  UNKNOWN_CHANNEL(
      Verdict.INVALID, null, "The channel must be MESAJ (SMS), ARAMA (call) or EPOSTA (e-mail).");

  private final Verdict verdict;

  private final String fineArticle;

  private final String reason;

  Ground(Verdict verdict, String fineArticle, String reason) {
    this.verdict = verdict;
    this.fineArticle = fineArticle;
    this.reason = reason;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The article of the fine table a violation is fined under; null for other verdicts. */
  public String fineArticle() {
    return fineArticle;
  }

  public String reason() {
    return reason;
  }
}
