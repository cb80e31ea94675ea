package org.iys.application.complaint;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.UUID;
import org.iys.infrastructure.messaging.Destinations;

/**
 * Accepts complaints without judging them: each is put on the complaints queue and answered at once
 * with its number, so a burst of complaints never slows the front ends. The send joins the caller's
 * transaction through the resource adapter.
 */
@Stateless
public class ComplaintIntake {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  public String file(ComplaintMessage complaint) {
    String number = complaint.complaintNumber() != null ? complaint.complaintNumber() : newNumber();
    var numbered = complaint.withNumber(number);
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .send(context.createQueue(Destinations.COMPLAINTS), JSON.toJson(numbered));
    }
    return number;
  }

  private static String newNumber() {
    return "SKY-" + UUID.randomUUID();
  }
}
