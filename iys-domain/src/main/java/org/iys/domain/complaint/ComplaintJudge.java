package org.iys.domain.complaint;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.RecipientType;

/**
 * Decides whether an unwanted message broke the consent rules, from the brand's movements for the
 * address and channel as they stood when the message arrived.
 *
 * <p>An address may hold an individual and a merchant consent side by side; the message was allowed
 * if either allowed it. So a consent in force under either type clears the brand, a merchant record
 * that was never rejected clears it, and a rejection still inside its 3-business-day stop window
 * clears it too (recorded as such). Only when nothing allowed the message is it a violation: a
 * rejection past its window, or no record at all.
 */
public final class ComplaintJudge {

  /**
   * @param arrived when the message reached the complainant
   * @param movements the brand's movements for the address and channel recorded up to {@code
   *     arrived}, in any order
   */
  public Judgement judge(Instant arrived, List<KnownMovement> movements) {
    Map<RecipientType, KnownMovement> latest =
        movements.stream()
            .filter(m -> !m.creationDate().isAfter(arrived))
            .collect(
                Collectors.toMap(
                    KnownMovement::recipientType,
                    m -> m,
                    (a, b) -> newer().compare(a, b) >= 0 ? a : b));

    Optional<KnownMovement> individualConsent = inForce(latest.get(RecipientType.BIREYSEL));
    if (individualConsent.isPresent()) {
      return new Judgement(
          Ground.CONSENT_IN_FORCE, List.of(individualConsent.get().transactionId()));
    }
    Optional<KnownMovement> merchantConsent = inForce(latest.get(RecipientType.TACIR));
    if (merchantConsent.isPresent()) {
      return new Judgement(
          Ground.MERCHANT_NOT_REJECTED, List.of(merchantConsent.get().transactionId()));
    }

    List<KnownMovement> rejections =
        latest.values().stream()
            .sorted(Comparator.comparing(KnownMovement::transactionId))
            .toList();
    if (rejections.isEmpty()) {
      return new Judgement(Ground.NO_CONSENT, List.of());
    }
    List<String> evidence = rejections.stream().map(KnownMovement::transactionId).toList();
    boolean withinWindow =
        rejections.stream().anyMatch(r -> arrived.isBefore(r.stopSendingDeadline()));
    return new Judgement(
        withinWindow ? Ground.WITHIN_STOP_WINDOW : Ground.SENT_AFTER_STOP_WINDOW, evidence);
  }

  private static Optional<KnownMovement> inForce(KnownMovement latest) {
    return Optional.ofNullable(latest).filter(m -> m.status() == ConsentStatus.ONAY);
  }

  // Creation dates come from one clock but may tie; the transaction id breaks the tie so that a
  // judgement never depends on the order the database returned the rows in.
  private static Comparator<KnownMovement> newer() {
    return Comparator.comparing(KnownMovement::creationDate)
        .thenComparing(KnownMovement::transactionId);
  }
}
