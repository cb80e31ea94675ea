package org.iys.domain.complaint;

import java.time.Instant;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.RecipientType;

/**
 * A consent movement as a judgement sees it: recorded before the message arrived, with the moment a
 * rejection obliged the brand to stop sending.
 */
public record KnownMovement(
    String transactionId,
    RecipientType recipientType,
    ConsentStatus status,
    Instant creationDate,
    Instant stopSendingDeadline) {

  public static KnownMovement of(ConsentMovement movement, BusinessCalendar calendar) {
    return new KnownMovement(
        movement.transactionId().value(),
        movement.recipientType(),
        movement.status(),
        movement.creationDate(),
        movement.status() == ConsentStatus.RET ? movement.stopSendingDeadline(calendar) : null);
  }
}
