package org.iys.domain.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The field rules for consents sent by a business: everything that can be judged from the request
 * alone, before any stored state is read (the registry's H11x, H12x, H15x, H16x, H408, H464, H467
 * codes, and H091/H194 for bulk lists).
 *
 * <p>It reads a request body as the JSON parser delivers it, a map of plain values ({@code String},
 * {@code Number}, {@code Boolean}, {@code List}, {@code Map} or null), so that unknown fields and
 * values of the wrong type are caught rather than lost in binding. All violations are reported at
 * once. A bulk list is judged whole: one faulty item refuses the whole list, and each violation
 * names its item's index.
 *
 * <p>The clock is the registry's: future dates and the 3-business-day registration deadline are
 * judged against it, in Turkey time.
 */
public final class ConsentRequestValidator {

  /** The most consents one bulk request may carry. */
  public static final int MAX_BULK_SIZE = 1000;

  private final BusinessCalendar calendar;

  public ConsentRequestValidator(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** Every field violation of one request; empty when the request may go on to the state rules. */
  public List<Violation> validate(Map<String, ?> body, Clock clock) {
    return ConsentRequestReading.of(body, clock.instant(), calendar).violations();
  }

  /**
   * The change one valid request asks for.
   *
   * @throws InvalidConsentRequestException with every field violation, if there is any
   */
  public ConsentChange toChange(Map<String, ?> body, Clock clock) {
    ConsentRequestReading reading = ConsentRequestReading.of(body, clock.instant(), calendar);
    if (!reading.violations().isEmpty()) {
      throw new InvalidConsentRequestException(reading.violations());
    }
    return reading.change();
  }

  /**
   * Every violation in a bulk list, each carrying its item's index: the field rules per item, and
   * H194 on each item that repeats an earlier item's (recipientType, type, recipient).
   */
  public List<Violation> validateBulk(List<?> items, Clock clock) {
    return readBulk(items, clock.instant()).violations;
  }

  /**
   * The changes a valid bulk list asks for, in list order.
   *
   * @throws InvalidConsentRequestException with every violation of the list, if there is any
   */
  public List<ConsentChange> toChanges(List<?> items, Clock clock) {
    BulkReading bulk = readBulk(items, clock.instant());
    if (!bulk.violations.isEmpty()) {
      throw new InvalidConsentRequestException(bulk.violations);
    }
    return bulk.readings.stream().map(ConsentRequestReading::change).toList();
  }

  private BulkReading readBulk(List<?> items, Instant now) {
    if (items.size() > MAX_BULK_SIZE) {
      return BulkReading.refused(Violation.of(ErrorCode.H091));
    }
    if (items.isEmpty()) {
      return BulkReading.refused(Violation.of(ErrorCode.H092));
    }
    BulkReading bulk = new BulkReading();
    for (int index = 0; index < items.size(); index++) {
      bulk.read(index, items.get(index), now, calendar);
    }
    return bulk;
  }

  /** The items of a bulk list read so far, with the keys already seen. */
  private static final class BulkReading {
    private final List<ConsentRequestReading> readings = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Set<List<Object>> keys = new HashSet<>();

    static BulkReading refused(Violation violation) {
      BulkReading bulk = new BulkReading();
      bulk.violations.add(violation);
      return bulk;
    }

    @SuppressWarnings("unchecked")
    void read(int index, Object item, Instant now, BusinessCalendar calendar) {
      if (!(item instanceof Map<?, ?> body)
          || !body.keySet().stream().allMatch(String.class::isInstance)) {
        violations.add(Violation.of(ErrorCode.H092).atIndex(index));
        return;
      }
      ConsentRequestReading reading =
          ConsentRequestReading.of((Map<String, ?>) body, now, calendar);
      reading.violations().forEach(v -> violations.add(v.atIndex(index)));
      refuseRepeatedKey(index, reading.keyOrNull());
      readings.add(reading);
    }

    private void refuseRepeatedKey(int index, List<Object> key) {
      if (key != null && !keys.add(key)) {
        violations.add(Violation.of(ErrorCode.H194).atIndex(index));
      }
    }
  }
}
