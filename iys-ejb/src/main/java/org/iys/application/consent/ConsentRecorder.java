package org.iys.application.consent;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentRefusedException;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.persistence.Resources;

/** One change of one consent in one transaction; see {@link ConsentLedger} for the locking. */
@Stateless
public class ConsentRecorder {

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private ConsentSignals signals;

  /**
   * @throws ConsentRefusedException when the state rules refuse the change
   */
  public Recorded record(int iysCode, int brandCode, ConsentChange change, Instant now) {
    ConsentLedger.Outcome outcome;
    try (ConsentLedger ledger = ConsentLedger.open(dataSource, signals)) {
      outcome = ledger.recordOrRefuse(iysCode, brandCode, change, now);
    }
    if (!outcome.recorded()) {
      throw new ConsentRefusedException(outcome.refusals());
    }
    return Recorded.of(outcome.movement());
  }

  /** A change recorded, or the state rules' refusals; nothing stored then. */
  public record Attempt(Recorded recorded, List<Violation> refusals) {
    public boolean isRecorded() {
      return recorded != null;
    }
  }

  /**
   * Like {@link #record}, but a refusal is answered rather than thrown, so the caller's transaction
   * goes on (to store a reply, or mark a link used) instead of being rolled back.
   */
  public Attempt attempt(int iysCode, int brandCode, ConsentChange change, Instant now) {
    ConsentLedger.Outcome outcome;
    try (ConsentLedger ledger = ConsentLedger.open(dataSource, signals)) {
      outcome = ledger.recordOrRefuse(iysCode, brandCode, change, now);
    }
    return outcome.recorded()
        ? new Attempt(Recorded.of(outcome.movement()), List.of())
        : new Attempt(null, outcome.refusals());
  }

  /**
   * Records a change unless the same change was recorded for the brand within the idempotency
   * window; then answers with that first recording and stores nothing.
   */
  public Recorded recordOnce(int iysCode, int brandCode, ConsentChange change, Instant now) {
    try (ConsentLedger ledger = ConsentLedger.open(dataSource, signals)) {
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
}
