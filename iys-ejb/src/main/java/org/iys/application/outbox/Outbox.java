package org.iys.application.outbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.iys.domain.outbox.OutboxChannel;
import org.iys.domain.outbox.OutboxMessage;

/**
 * Messages to people, written in the caller's transaction and sent afterwards. Any feature adds
 * messages here; {@link #dispatch} hands pending ones to the gateway.
 */
@Stateless
public class Outbox {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private OutboxGateway gateway;

  private final Clock clock = Clock.systemUTC();

  public void add(OutboxChannel channel, String recipient, String text) {
    em.persist(new OutboxMessage(channel, recipient, text, clock.instant()));
  }

  /** To an address on its own channel: e-mail for an e-mail address, SMS for a phone number. */
  public void toAddress(String address, String text) {
    add(address.indexOf('@') >= 0 ? OutboxChannel.EPOSTA : OutboxChannel.SMS, address, text);
  }

  /**
   * Sends up to {@code max} pending messages in one transaction. Rows are claimed with SKIP LOCKED,
   * so several instances dispatching at once never send a message twice.
   *
   * @return how many were sent
   */
  public int dispatch(int max) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM outbox_message WHERE sent_at IS NULL ORDER BY id LIMIT ?1"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, max)
            .getResultList();
    for (Number id : ids) {
      var message = em.find(OutboxMessage.class, id.longValue());
      gateway.send(message);
      message.sent(clock.instant());
    }
    return ids.size();
  }
}
