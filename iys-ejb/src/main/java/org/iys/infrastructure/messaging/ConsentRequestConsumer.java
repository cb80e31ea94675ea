package org.iys.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.iys.application.consent.ConsentRequests;

/**
 * Applies one slice of a bulk consent request per message, in the message's transaction. A failure
 * (a deadlock with a concurrent add on the same key, a lost database) rolls the slice back and is
 * rethrown, so the broker redelivers it and, after its limit, dead-letters it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = Destinations.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.CONSENT_REQUESTS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class ConsentRequestConsumer implements MessageListener {

  @EJB private ConsentRequests requests;

  @Override
  public void onMessage(Message message) {
    try {
      String[] slice = ((TextMessage) message).getText().split(":");
      requests.process(slice[0], Integer.parseInt(slice[1]), Integer.parseInt(slice[2]));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable consent request message", e);
    }
  }
}
