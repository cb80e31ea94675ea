package org.iys.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.iys.application.complaint.ComplaintMessage;
import org.iys.application.complaint.ComplaintRegistry;

/**
 * Takes complaints off the queue into the registry in the message's own transaction. Any failure is
 * rethrown, so the broker redelivers and, after its limit, moves the message to the dead-letter
 * queue.
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
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class ComplaintFiledConsumer implements MessageListener {

  private static final Jsonb JSON = JsonbBuilder.create();

  @EJB private ComplaintRegistry registry;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      registry.register(JSON.fromJson(body, ComplaintMessage.class));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable complaint message", e);
    }
  }
}
