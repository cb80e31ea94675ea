package org.iys.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A business rule refused what was asked; carries every violation found, never a stack of technical
 * causes.
 *
 * <p>Unchecked, so that application services need no throws clauses; the EJB module declares it an
 * application exception with rollback, and each channel maps it once (REST to the error envelope
 * with {@link #httpStatus()}, Faces to messages).
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public DomainException(List<Violation> violations) {
    super(summary(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public DomainException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }

  /**
   * The HTTP status of the answer: that of the first violation. Violations are listed in the order
   * the rules run (item by item, fields before the rules that combine them), so the first one is
   * the most basic fault of the request.
   */
  public int httpStatus() {
    return violations.get(0).httpStatus();
  }

  // Only codes go into the exception message: values may be phone numbers or e-mail addresses,
  // and exception messages end up in logs.
  private static String summary(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.index() == null ? v.code().code() : v.code().code() + "@" + v.index())
        .collect(Collectors.joining(", ", "refused: ", ""));
  }
}
