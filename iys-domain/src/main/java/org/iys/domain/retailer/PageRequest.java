package org.iys.domain.retailer;

import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * One page of a list, read from the {@code offset} and {@code limit} query parameters as the
 * reference bounds them: a limit of 1 to 100 (H182 for anything not a positive number, H187 for
 * zero, H186 above 100) and an offset of zero or more (H183).
 */
public record PageRequest(int offset, int limit) {

  public static final int MAX_LIMIT = 100;

  /**
   * @param offsetText the query parameter as sent, or null for 0
   * @param limitText the query parameter as sent, or null for {@link #MAX_LIMIT}
   * @throws DomainException H182, H183, H186 or H187
   */
  public static PageRequest of(String offsetText, String limitText) {
    int limit = MAX_LIMIT;
    if (limitText != null) {
      Integer number = wholeNumber(limitText);
      if (number == null || number < 0) {
        throw new DomainException(Violation.of(ErrorCode.H182, "limit", limitText));
      }
      if (number == 0) {
        throw new DomainException(Violation.of(ErrorCode.H187, "limit", limitText));
      }
      if (number > MAX_LIMIT) {
        throw new DomainException(Violation.of(ErrorCode.H186, "limit", limitText));
      }
      limit = number;
    }
    int offset = 0;
    if (offsetText != null) {
      Integer number = wholeNumber(offsetText);
      if (number == null || number < 0) {
        throw new DomainException(Violation.of(ErrorCode.H183, "offset", offsetText));
      }
      offset = number;
    }
    return new PageRequest(offset, limit);
  }

  /** The 1-based page this offset falls on, as the reference's {@code currentPage} counts. */
  public int currentPage() {
    return offset / limit + 1;
  }

  private static Integer wholeNumber(String text) {
    return text.matches("-?[0-9]{1,9}") ? Integer.valueOf(text) : null;
  }
}
