package org.iys.application.outbox;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.domain.outbox.OutboxChannel;
import org.iys.domain.outbox.OutboxMessage;

/**
 * Messages to people, written in the caller's transaction and sent afterwards. Any feature adds
 * messages here; {@link #dispatch} hands pending ones to the gateway.
 *
 * <p>The gateway is the CDI bean implementing {@link OutboxGateway} whose {@code @Named} name the
 * configuration key {@code iys.outbox.gateway} gives (MicroProfile Config: a system property or the
 * environment variable {@code IYS_OUTBOX_GATEWAY}); by default {@code logging}, which sends
 * nothing. A real SMS or e-mail provider plugs in as a bean of its own,
 * {@code @ApplicationScoped @Named("my-sms")}, in a jar added to the application, selected with
 * {@code iys.outbox.gateway=my-sms}. An unknown name stops dispatching with an error in the log;
 * the messages wait in the table until a gateway is configured.
 */
@Stateless
public class Outbox {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  /** The configuration key naming the gateway bean. */
  public static final String GATEWAY_KEY = "iys.outbox.gateway";

  @Inject @Any private Instance<OutboxGateway> gateways;

  private final Clock clock = Clock.systemUTC();

  public void add(OutboxChannel channel, String recipient, String text) {
    em.persist(new OutboxMessage(channel, recipient, text, clock.instant()));
  }

  /** To an address on its own channel: e-mail for an e-mail address, SMS for a phone number. */
  public void toAddress(String address, String text) {
    add(address.indexOf('@') >= 0 ? OutboxChannel.EPOSTA : OutboxChannel.SMS, address, text);
  }

  /** What one round sent, and the highest id it sent (0 when it sent nothing). */
  public record Round(int sent, long lastId) {}

  /**
   * Sends up to {@code max} pending messages in one transaction. Rows are claimed with SKIP LOCKED,
   * so several instances dispatching at once never send a message twice.
   *
   * <p>{@code afterId} is where the caller's previous round ended: the claim starts there. Sent
   * rows leave marks in the index of unsent ones until the database purges them, and a scan from
   * the start of a large backlog walks over every one of them, slower with each round. A round that
   * finds nothing after {@code afterId} looks again from the start, for messages that an earlier
   * transaction committed late or gave back.
   */
  public Round dispatch(int max, long afterId) {
    List<Number> ids = claim(max, afterId);
    if (ids.isEmpty() && afterId > 0) {
      ids = claim(max, 0);
    }
    if (ids.isEmpty()) {
      return new Round(0, 0);
    }
    // The claimed rows are read in one query, not one find each: a backlog of thousands (a burst
    // of complaints, a large file of new consents) must drain in seconds.
    List<OutboxMessage> messages =
        em.createQuery(
                "SELECT m FROM OutboxMessage m WHERE m.id IN :ids ORDER BY m.id",
                OutboxMessage.class)
            .setParameter("ids", ids.stream().map(Number::longValue).toList())
            .getResultList();
    OutboxGateway gateway = gateway();
    for (OutboxMessage message : messages) {
      gateway.send(message);
    }
    markSent(ids);
    return new Round(ids.size(), ids.get(ids.size() - 1).longValue());
  }

  @SuppressWarnings("unchecked")
  private List<Number> claim(int max, long afterId) {
    return em.createNativeQuery(
            "SELECT id FROM outbox_message WHERE sent_at IS NULL AND id > ?1 ORDER BY id"
                + " LIMIT ?2 FOR UPDATE SKIP LOCKED")
        .setParameter(1, afterId)
        .setParameter(2, max)
        .getResultList();
  }

  // One statement marks the round sent; the messages were read only to be handed over.
  private void markSent(List<Number> ids) {
    Query update =
        em.createNativeQuery(
            "UPDATE outbox_message SET sent_at = ? WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")");
    update.setParameter(1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    for (int i = 0; i < ids.size(); i++) {
      update.setParameter(i + 2, ids.get(i).longValue());
    }
    update.executeUpdate();
  }

  private OutboxGateway gateway() {
    String name =
        ConfigProvider.getConfig().getOptionalValue(GATEWAY_KEY, String.class).orElse("logging");
    Instance<OutboxGateway> named = gateways.select(NamedLiteral.of(name));
    if (!named.isResolvable()) {
      throw new IllegalStateException("no outbox gateway is named " + name);
    }
    return named.get();
  }
}
