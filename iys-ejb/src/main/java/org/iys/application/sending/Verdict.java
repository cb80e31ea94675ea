package org.iys.application.sending;

import java.time.Instant;
import org.iys.domain.error.ErrorCode;

/**
 * The answer to "may this brand send this kind of message to this address now?".
 *
 * @param recipient the address as checked: canonical when valid, as sent when not
 * @param stopBy for a rejection still inside its legal stop window, when sending must have stopped
 * @param invalidCode for {@link Reason#INVALID_RECIPIENT}, the registry's code for what is wrong
 */
public record Verdict(String recipient, Reason reason, Instant stopBy, ErrorCode invalidCode) {

  /** Why a message may not be sent; none when it may. */
  public enum Reason {
    /** An individual never gave this brand consent for this channel. */
    NO_CONSENT,
    /** The recipient rejected and the legal stop window has passed. */
    REJECTED,
    /**
     * The recipient rejected recently: sending is already refused, and the brand must have stopped
     * by {@code stopBy} at the latest (complaints are judged with that grace).
     */
    REJECTED_STOP_WINDOW,
    /** The address is not a valid phone number or e-mail address for the channel. */
    INVALID_RECIPIENT
  }

  public static Verdict allowed(String recipient) {
    return new Verdict(recipient, null, null, null);
  }

  public static Verdict refused(String recipient, Reason reason) {
    return new Verdict(recipient, reason, null, null);
  }

  public static Verdict rejectedUntil(String recipient, Instant stopBy) {
    return new Verdict(recipient, Reason.REJECTED_STOP_WINDOW, stopBy, null);
  }

  public static Verdict invalid(String recipient, ErrorCode code) {
    return new Verdict(recipient, Reason.INVALID_RECIPIENT, null, code);
  }

  public boolean isAllowed() {
    return reason == null;
  }
}
