package org.iys.infrastructure.messaging;

import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * What a request hears when the broker did not take its message within the bound set on the
 * connection factory (down, failing over, refusing): IYS015, which travels as 503, and the
 * transaction rolls back, so nothing of the request is kept and the caller may simply send it
 * again.
 */
public final class BrokerRefusal {

  private static final System.Logger LOG = System.getLogger(BrokerRefusal.class.getName());

  private BrokerRefusal() {}

  public static DomainException of(RuntimeException failure) {
    LOG.log(
        System.Logger.Level.WARNING,
        () -> "IYS-JMS-503 the broker did not take a message; the request was refused",
        failure);
    return new DomainException(Violation.of(ErrorCode.IYS015));
  }
}
