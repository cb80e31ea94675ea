package org.iys.domain.consent;

import java.util.List;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;

/** A consent request broke field rules; nothing of it was stored. */
public class InvalidConsentRequestException extends DomainException {

  private static final long serialVersionUID = 1L;

  public InvalidConsentRequestException(List<Violation> violations) {
    super(violations);
  }
}
