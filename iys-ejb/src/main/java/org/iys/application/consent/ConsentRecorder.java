package org.iys.application.consent;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentRefusedException;

/** One change of one consent in one transaction; see {@link ConsentLedger} for the locking. */
@Stateless
public class ConsentRecorder {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  /**
   * @throws ConsentRefusedException when the state rules refuse the change
   */
  public Recorded record(int iysCode, int brandCode, ConsentChange change, Instant now) {
    ConsentLedger.Outcome outcome =
        new ConsentLedger(em).recordOrRefuse(iysCode, brandCode, change, now);
    if (!outcome.recorded()) {
      throw new ConsentRefusedException(outcome.refusals());
    }
    return Recorded.of(outcome.movement());
  }

  /**
   * Records a change unless the same change was recorded for the brand within the idempotency
   * window; then answers with that first recording and stores nothing.
   */
  public Recorded recordOnce(int iysCode, int brandCode, ConsentChange change, Instant now) {
    ConsentLedger ledger = new ConsentLedger(em);
    String fingerprint = ConsentLedger.fingerprint(change);
    Optional<ConsentLedger.Remembered> known = ledger.remembered(brandCode, fingerprint, now);
    if (known.isPresent()) {
      return new Recorded(known.get().transactionId(), known.get().creationDate());
    }

    ConsentLedger.Outcome outcome = ledger.recordOrRefuse(iysCode, brandCode, change, now);
    if (!outcome.recorded()) {
      throw new ConsentRefusedException(outcome.refusals());
    }
    ledger.remember(brandCode, fingerprint, outcome.movement(), null, null);
    return Recorded.of(outcome.movement());
  }
}
