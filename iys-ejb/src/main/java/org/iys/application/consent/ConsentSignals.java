package org.iys.application.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentMovement;

/**
 * What the ledger tells the rest of the registry while it records: a business's new ONAY (so the
 * address can be told and offered a reject link) and a business ONAY refused over the recipient's
 * own rejection (so staff can see the attempt). Observers run synchronously: an ONAY's observers
 * join the recording transaction, so a notice exists exactly when the movement does.
 */
@ApplicationScoped
public class ConsentSignals {

  /**
   * A business recorded ONAY on keys that were new or rejected before: one movement for a single
   * add, a chunk's worth for a file. {@code connection} is the recording transaction's own:
   * observers write on it and leave it open, so their rows commit or roll back with the movements
   * without asking the pool for a second connection.
   */
  public record ApprovalsRecorded(List<ConsentMovement> movements, Connection connection) {}

  /**
   * A business ONAY refused with IYS001 over a rejection the recipient made through the registry.
   */
  public record ProtectedRejectionRefused(int iysCode, ConsentKey key, Instant at) {}

  @Inject private Event<ApprovalsRecorded> approvals;

  @Inject private Event<ProtectedRejectionRefused> refusals;

  /** Fire within the transaction that stores {@code movements}, on its connection. */
  public void approvalsRecorded(List<ConsentMovement> movements, Connection connection) {
    if (!movements.isEmpty()) {
      approvals.fire(new ApprovalsRecorded(List.copyOf(movements), connection));
    }
  }

  public void protectedRejectionRefused(int iysCode, ConsentKey key, Instant at) {
    refusals.fire(new ProtectedRejectionRefused(iysCode, key, at));
  }
}
