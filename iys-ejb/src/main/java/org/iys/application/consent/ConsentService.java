package org.iys.application.consent;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.iys.application.business.BrandCatalog;
import org.iys.application.retailer.Retailers;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentRequestValidator;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Adds a business's consents one at a time: the field rules first, then the change in its own
 * transaction. A transaction that lost a race on a key (two first movements inserting the same
 * consent row, or a deadlock between them) is run again, and the retry sees the winner's state.
 *
 * <p>Movements are stamped to the whole second: the wire shows seconds, and the changes cursor
 * ({@code <epochSeconds>_<transactionId>}) then orders movements exactly as they are stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsentService {

  private static final int ATTEMPTS = 5;

  @Inject private Clock clock;

  @Inject private ConsentRequestValidator validator;

  @EJB private ConsentRecorder recorder;

  @EJB private BrandCatalog brands;

  // Only a change that names retailers costs a call and a read (by primary key, for all it names).
  @EJB private Retailers retailers;

  /** The v1 add: every request that passes the rules is a new movement. */
  public Recorded add(int iysCode, int brandCode, Map<String, ?> body) {
    Instant now = now(clock);
    ConsentChange change = validator.toChange(body, Clock.fixed(now, Clock.systemUTC().getZone()));
    if (Retailers.namesAny(change)) {
      retailers.requireKnown(brandCode, change);
    }
    return withRetries(() -> recorder.record(iysCode, brandCode, change, now));
  }

  /**
   * The v2 add: the same change sent again for the same brand within {@link
   * ConsentLedger#IDEMPOTENCY_WINDOW} answers the first transaction id and records nothing.
   */
  public Recorded addOnce(int iysCode, int brandCode, Map<String, ?> body) {
    Instant now = now(clock);
    ConsentChange change = validator.toChange(body, Clock.fixed(now, Clock.systemUTC().getZone()));
    if (Retailers.namesAny(change)) {
      retailers.requireKnown(brandCode, change);
    }
    return withRetries(() -> recorder.recordOnce(iysCode, brandCode, change, now));
  }

  /**
   * A recipient's own change through the registry (web, mobile app, reject link), recorded for the
   * business that owns the brand under the same state rules as any business change.
   *
   * @throws DomainException IYS311 when no brand has the key's code
   */
  public Recorded byRecipient(ConsentKey key, ConsentStatus status, ConsentSource source) {
    int iysCode =
        brands
            .owner(key.brandCode())
            .orElseThrow(
                () ->
                    new DomainException(
                        Violation.of(ErrorCode.IYS311, "brandCode", key.brandCode())));
    Instant now = now(clock);
    ConsentChange change = ConsentChange.byRecipient(key, status, source, now);
    return withRetries(() -> recorder.record(iysCode, key.brandCode(), change, now));
  }

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Recorded withRetries(java.util.function.Supplier<Recorded> attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.get();
      } catch (EJBException e) {
        if (tries >= ATTEMPTS || !lostARace(e)) {
          throw e;
        }
      }
    }
  }

  // MariaDB reports a duplicate key as SQL state 23000 and a deadlock or lock wait timeout as
  // 40001 / 41000 (or error 1213 / 1205).
  static boolean lostARace(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        int code = sql.getErrorCode();
        if (state.startsWith("23")
            || state.startsWith("40")
            || state.startsWith("41")
            || code == 1213
            || code == 1205
            || code == 1062) {
          return true;
        }
      }
      if (cause instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
