package org.iys.domain.consent;

import java.util.ArrayList;
import java.util.List;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The rules that judge a change against the consent's latest movement. Each refusal is one
 * violation, except that a merchant's record missing both its date and its source hears of both.
 */
final class StateRules {

  private StateRules() {}

  static List<Violation> refusals(Consent current, ConsentChange change) {
    if (!current.isRecorded()) {
      return firstRecord(change);
    }
    List<Violation> incomplete = incompleteMerchantRecord(change);
    if (!incomplete.isEmpty()) {
      return incomplete;
    }
    if (current.status() == ConsentStatus.RET && change.status() == ConsentStatus.RET) {
      return List.of(Violation.of(ErrorCode.H174));
    }
    if (movesBackInTime(current, change)) {
      return List.of(backInTime(current, change));
    }
    if (overridesRecipientsOwnRejection(current, change) && change.evidenceReference() == null) {
      return List.of(Violation.of(ErrorCode.IYS001));
    }
    return List.of();
  }

  // A business may not open a record with a rejection (there is nothing to reject), and HS_KARAR
  // is always RET, so it can never come first either. The recipient, acting through the
  // registry, may reject a brand that never recorded them.
  private static List<Violation> firstRecord(ConsentChange change) {
    if (change.status() == ConsentStatus.RET && !change.isFromRegistry()) {
      return List.of(Violation.of(ErrorCode.H175));
    }
    return List.of();
  }

  private static List<Violation> incompleteMerchantRecord(ConsentChange change) {
    List<Violation> missing = new ArrayList<>();
    if (change.recipientType() == RecipientType.TACIR) {
      if (change.consentDate() == null) {
        missing.add(Violation.of(ErrorCode.H462, ConsentRequestReading.CONSENT_DATE, null));
      }
      if (change.source() == null) {
        missing.add(Violation.of(ErrorCode.H463, ConsentRequestReading.SOURCE, null));
      }
    }
    return missing;
  }

  // Equal dates are allowed except for ONAY over RET: with both at the same second nobody can
  // tell which came last, and the rejection must then stand.
  private static boolean movesBackInTime(Consent current, ConsentChange change) {
    if (current.consentDate() == null || change.consentDate() == null) {
      return false;
    }
    if (change.consentDate().isBefore(current.consentDate())) {
      return true;
    }
    return change.consentDate().equals(current.consentDate())
        && current.status() == ConsentStatus.RET
        && change.status() == ConsentStatus.ONAY;
  }

  // The code's own message speaks of an earlier date; an ONAY at the very second of the recorded
  // RET is refused for another reason and is told so.
  private static Violation backInTime(Consent current, ConsentChange change) {
    Violation refusal = Violation.of(ErrorCode.H178);
    if (change.consentDate().equals(current.consentDate())) {
      return refusal.withMessage(
          "The consentDate is the same as that of the recorded RET; an ONAY at the same moment"
              + " cannot override the rejection. Send the ONAY with a later consentDate.");
    }
    return refusal;
  }

  private static boolean overridesRecipientsOwnRejection(Consent current, ConsentChange change) {
    return current.status() == ConsentStatus.RET
        && current.source() != null
        && current.source().isRegistrySource()
        && change.status() == ConsentStatus.ONAY
        && !change.isFromRegistry();
  }
}
