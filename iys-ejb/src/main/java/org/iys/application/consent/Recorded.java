package org.iys.application.consent;

import java.time.Instant;
import org.iys.domain.consent.ConsentMovement;

/** What an add answers: the movement's transaction id and when the registry recorded it. */
public record Recorded(String transactionId, Instant creationDate) {

  static Recorded of(ConsentMovement movement) {
    return new Recorded(movement.transactionId().value(), movement.creationDate());
  }
}
