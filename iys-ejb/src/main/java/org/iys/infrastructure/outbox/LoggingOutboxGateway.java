package org.iys.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.iys.application.outbox.OutboxGateway;
import org.iys.domain.outbox.OutboxMessage;

/**
 * The gateway used until a real SMS or e-mail provider is plugged in: it only logs that a message
 * went out, by id and channel, never the address or the text. One line per message is DEBUG (FINE):
 * a large file's notices come by the hundred thousand; the dispatcher logs each round.
 */
@ApplicationScoped
@Named("logging")
public class LoggingOutboxGateway implements OutboxGateway {

  private static final System.Logger LOG = System.getLogger(LoggingOutboxGateway.class.getName());

  @Override
  public void send(OutboxMessage message) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "outbox message {0} handed over on channel {1}",
        message.id(),
        message.channel());
  }
}
