package org.iys.application.complaint;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import org.iys.infrastructure.messaging.BrokerRefusal;
import org.iys.infrastructure.messaging.Destinations;

/**
 * Accepts complaints without judging them: each is checked field by field, given its idempotency
 * key and number, put on the complaints queue and answered at once with its number, so a burst of
 * complaints never slows the front ends. The send joins the caller's transaction through the
 * resource adapter, and waits for the broker no longer than the connection factory's call timeout:
 * a broker that cannot take the complaint makes it a 503 (IYS015) the citizen may retry, under the
 * same idempotency key.
 */
@Stateless
public class ComplaintIntake {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  private final Clock clock = Clock.systemUTC();

  /**
   * @return the complaint number; the same for a resend of the same complaint
   * @throws org.iys.domain.error.DomainException when a field is missing or malformed
   */
  public String file(ComplaintMessage complaint) {
    var report = ComplaintForm.report(complaint, clock);
    ComplaintForm.requireJudgeable(report);
    String key = ComplaintForm.idempotencyKey(complaint, report);
    String number = ComplaintForm.numberFor(key);
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .send(
              context.createQueue(Destinations.COMPLAINTS),
              JSON.toJson(complaint.withIdentity(number, key)));
    } catch (JMSRuntimeException unavailable) {
      throw BrokerRefusal.of(unavailable);
    }
    return number;
  }
}
