package org.iys.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.iys.application.complaint.ComplaintFailures;
import org.iys.application.complaint.ComplaintMessage;
import org.iys.application.complaint.ComplaintRegistry;
import org.iys.domain.error.DomainException;

/**
 * Takes complaints off the queue into the registry in the message's own transaction: receiving,
 * judging and storing commit or roll back together. A failure is recorded with its reason in a
 * transaction of its own and the message's transaction is rolled back, so the broker redelivers
 * and, after its limit, moves the message to the dead-letter queue.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = Destinations.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.COMPLAINTS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16"),
      // Keep retrying the broker for ever: after a broker restart the consumer must come back.
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class ComplaintFiledConsumer implements MessageListener {

  private static final System.Logger LOG = System.getLogger(ComplaintFiledConsumer.class.getName());

  private static final Jsonb JSON = JsonbBuilder.create();

  @EJB private ComplaintRegistry registry;

  @EJB private ComplaintFailures failures;

  @Resource private MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      registry.register(JSON.fromJson(body, ComplaintMessage.class));
    } catch (RuntimeException | JMSException e) {
      failed(message, e);
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
    Throwable root = root(cause);
    return root.getClass().getName();
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
}
