package org.iys.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.iys.application.complaint.ComplaintFailures;
import org.iys.application.complaint.ComplaintMessage;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.domain.error.DomainException;

/**
 * Takes several complaints off the queue in one transaction: the messages are received through the
 * resource adapter's XA connection factory, so their acknowledgements commit or roll back together
 * with the complaints, verdicts, sanctions and notifications they produced. One two-phase commit
 * then carries many complaints instead of one, which is where the time of a queued complaint went.
 *
 * <p>A message that fails dooms the whole batch: its reason is recorded in a transaction of its
 * own, the batch rolls back, and every message in it goes back to the broker. The caller then takes
 * messages one at a time for a while, so the failing one is redelivered alone and, after the
 * broker's limit, dead-lettered without taking innocent messages with it.
 */
@Stateless
public class ComplaintQueueReader {

  private static final System.Logger LOG = System.getLogger(ComplaintQueueReader.class.getName());

  private static final Jsonb JSON = JsonbBuilder.create();

  // Once a batch has started, a queue that stays empty this long means the burst is over.
  private static final long NEXT_WAIT_MILLIS = 20;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @EJB private ComplaintRegistry registry;

  @EJB private ComplaintFailures failures;

  @Resource private SessionContext context;

  /**
   * Receives up to {@code max} complaints, waiting at most {@code firstWaitMillis} for the first,
   * and registers each in the current transaction.
   */
  public Batch take(int max, long firstWaitMillis) {
    try (JMSContext jms = connectionFactory.createContext();
        JMSConsumer consumer = jms.createConsumer(jms.createQueue(Destinations.COMPLAINTS))) {
      int taken = 0;
      while (taken < max) {
        Message message = consumer.receive(taken == 0 ? firstWaitMillis : NEXT_WAIT_MILLIS);
        if (message == null) {
          break;
        }
        taken++;
        try {
          String body = ((TextMessage) message).getText();
          registry.register(JSON.fromJson(body, ComplaintMessage.class));
        } catch (RuntimeException | JMSException e) {
          failed(message, e);
          return new Batch(taken, true);
        }
      }
      return new Batch(taken, false);
    }
  }

  private void failed(Message message, Exception cause) {
    context.setRollbackOnly();
    String id = "unknown";
    int delivery = 0;
    try {
      id = message.getJMSMessageID();
      delivery = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException | RuntimeException unreadable) {
      // The reason is still worth keeping under an unknown id.
    }
    String messageId = id;
    LOG.log(
        System.Logger.Level.WARNING,
        () -> "IYS-COMPLAINT-1 complaint message " + messageId + " failed: " + kind(cause));
    try {
      failures.record(id, delivery, reason(cause));
    } catch (RuntimeException notRecorded) {
      LOG.log(
          System.Logger.Level.ERROR,
          () -> "IYS-COMPLAINT-2 failure of message " + messageId + " not recorded",
          notRecorded);
    }
  }

  // Only the class goes to the log: messages of parse errors may quote the body, which holds
  // addresses.
  private static String kind(Exception cause) {
    return root(cause).getClass().getName();
  }

  // The table is for staff, who may see the complaint itself, so the reason may quote it.
  private static String reason(Exception cause) {
    if (cause instanceof DomainException refused) {
      return refused.violations().stream()
          .map(v -> v.code().code() + " " + v.location() + ": " + v.message())
          .reduce((a, b) -> a + "; " + b)
          .orElse(refused.getMessage());
    }
    if (cause instanceof ClassCastException) {
      return "not a text message: complaints are JSON text messages";
    }
    Throwable root = root(cause);
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static Throwable root(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * What one call took.
   *
   * @param taken messages received, including a failed one
   * @param failed whether a message failed and the transaction is to roll back
   */
  public record Batch(int taken, boolean failed) {}
}
