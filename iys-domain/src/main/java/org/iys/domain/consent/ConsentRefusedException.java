package org.iys.domain.consent;

import java.util.List;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;

/** A valid change that the consent's current state does not allow; nothing was stored. */
public class ConsentRefusedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ConsentRefusedException(List<Violation> violations) {
    super(violations);
  }
}
