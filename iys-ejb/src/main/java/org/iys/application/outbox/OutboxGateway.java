package org.iys.application.outbox;

import org.iys.domain.outbox.OutboxMessage;

/**
 * Where outbox messages leave the registry: an SMS or e-mail gateway. A failure throws, and the
 * message is tried again on the next round.
 */
public interface OutboxGateway {

  void send(OutboxMessage message);
}
