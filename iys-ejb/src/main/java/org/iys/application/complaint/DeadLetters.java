package org.iys.application.complaint;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iys.application.audit.Audit;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.messaging.Destinations;

/**
 * The complaint messages the broker gave up on, for staff: listed with the reason of their last
 * failure, and replayed one by one once the cause is fixed. A replay takes the message off the
 * dead-letter queue and puts it back on the complaints queue in one transaction, through the
 * resource adapter, so it is neither lost nor doubled.
 */
@Stateless
public class DeadLetters {

  private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());

  private static final int MAX_LISTED = 500;

  // Message ids go into a selector, so only the broker's own id shape is accepted.
  private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,80}");

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @EJB private ComplaintFailures failures;

  @EJB private Audit audit;

  public List<DeadLetter> list() {
    List<DeadLetter> letters = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(deadLetterQueue(context))) {
      var messages = browser.getEnumeration();
      while (messages.hasMoreElements() && letters.size() < MAX_LISTED) {
        letters.add(describe((Message) messages.nextElement()));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("the dead-letter queue could not be browsed", e);
    }
    return letters;
  }

  /**
   * @throws DomainException IYS208 when no dead-lettered message has this id
   */
  public void replay(String messageId, String staff) {
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      throw notFound(messageId);
    }
    try (JMSContext context = connectionFactory.createContext();
        JMSConsumer consumer =
            context.createConsumer(
                deadLetterQueue(context), "JMSMessageID = '" + messageId + "'")) {
      Message message = consumer.receive(2000);
      if (message == null) {
        throw notFound(messageId);
      }
      TextMessage copy = context.createTextMessage(body(message));
      copy.setStringProperty(Destinations.REPLAY_OF, messageId);
      context.createProducer().send(context.createQueue(Destinations.COMPLAINTS), copy);
    } catch (JMSException e) {
      throw new IllegalStateException("the dead letter could not be replayed", e);
    }
    audit.record(staff, "DEAD_LETTER_REPLAYED", "complaint_message", messageId, null);
    LOG.log(System.Logger.Level.INFO, "replayed dead letter {0} by {1}", messageId, staff);
  }

  private DeadLetter describe(Message message) throws JMSException {
    String id = message.getJMSMessageID();
    var failure = failures.latest(id);
    return new DeadLetter(
        id,
        Instant.ofEpochMilli(message.getJMSTimestamp()),
        failure.map(ComplaintFailures.Failure::reason).orElse("no failure was recorded"),
        failure.map(ComplaintFailures.Failure::failedAt).orElse(null),
        body(message));
  }

  private static String body(Message message) throws JMSException {
    return message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
  }

  private static Queue deadLetterQueue(JMSContext context) {
    return context.createQueue(Destinations.COMPLAINTS_DEAD_LETTERS);
  }

  private static DomainException notFound(String messageId) {
    return new DomainException(Violation.of(ErrorCode.IYS208, "messageId", messageId));
  }

  /** A message on the dead-letter queue with the reason it failed last. */
  public record DeadLetter(
      String messageId, Instant queuedAt, String reason, Instant failedAt, String body) {}
}
