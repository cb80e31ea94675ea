package org.iys.domain.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * What staff change in a business's subscription; a field left out keeps its value. EXPIRED cannot
 * be set: it follows from the expiration date, which is moved instead.
 */
public record SubscriptionChange(
    SubscriptionStatus status,
    Integer consentLimit,
    Boolean consentLimitExceed,
    Instant expirationDate) {

  private static final Set<String> FIELDS =
      Set.of("status", "consentLimit", "consentLimitExceed", "expirationDate");

  /**
   * @throws DomainException IYS130 to IYS134, every fault at once
   */
  public static SubscriptionChange read(Map<String, ?> body) {
    List<Violation> violations = new ArrayList<>();
    body.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(name -> violations.add(Violation.of(ErrorCode.IYS134, name, body.get(name))));

    SubscriptionStatus status = null;
    Object statusValue = body.get("status");
    if (statusValue != null) {
      status =
          switch (String.valueOf(statusValue)) {
            case "ACTIVE" -> SubscriptionStatus.ACTIVE;
            case "PAUSED" -> SubscriptionStatus.PAUSED;
            case "CLOSED" -> SubscriptionStatus.CLOSED;
            default -> null;
          };
      if (status == null || !(statusValue instanceof String)) {
        violations.add(Violation.of(ErrorCode.IYS130, "status", statusValue));
      }
    }

    Integer limit = null;
    Object limitValue = body.get("consentLimit");
    if (limitValue != null) {
      limit = wholeNumber(limitValue);
      if (limit == null) {
        violations.add(Violation.of(ErrorCode.IYS131, "consentLimit", limitValue));
      }
    }

    Object exceedValue = body.get("consentLimitExceed");
    if (exceedValue != null && !(exceedValue instanceof Boolean)) {
      violations.add(Violation.of(ErrorCode.IYS132, "consentLimitExceed", exceedValue));
    }

    Instant expiration = null;
    Object expirationValue = body.get("expirationDate");
    if (expirationValue != null) {
      try {
        expiration = ConsentDate.parse(String.valueOf(expirationValue));
      } catch (DomainException notADate) {
        violations.add(Violation.of(ErrorCode.IYS133, "expirationDate", expirationValue));
      }
    }

    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new SubscriptionChange(
        status, limit, exceedValue instanceof Boolean b ? b : null, expiration);
  }

  /** The subscription with this change made. */
  public Subscription applyTo(Subscription current) {
    return new Subscription(
        current.subscriptionId(),
        current.packageName(),
        status == null ? current.storedStatus() : status,
        current.startDate(),
        expirationDate == null ? current.expirationDate() : expirationDate,
        consentLimit == null ? current.consentLimit() : consentLimit,
        consentLimitExceed == null ? current.consentLimitExceed() : consentLimitExceed);
  }

  private static Integer wholeNumber(Object value) {
    if (!(value instanceof BigDecimal number) || number.signum() < 0) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException notAnInt) {
      return null;
    }
  }
}
