package org.iys.application.citizen;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iys.application.business.BrandCatalog;
import org.iys.application.consent.ConsentRecorder;
import org.iys.application.outbox.Outbox;
import org.iys.domain.business.Brand;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentKey;
import org.iys.domain.consent.ConsentSource;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;

/**
 * Rejections sent by SMS: the gateway forwards a text such as {@code RET 123456} or {@code RET
 * Brand Name} with the sender's number, and the registry records an {@code IYS_KISAMESAJ} RET of
 * MESAJ for that brand. The gateway's message id is stored in the same transaction as the
 * rejection, so a message the gateway delivers twice is acted on once. Whatever the text says, the
 * sender hears back through the outbox; nothing a sender writes makes this fail.
 */
@Stateless
public class SmsKeywords {

  private static final System.Logger LOG = System.getLogger(SmsKeywords.class.getName());

  private static final String HOW_TO =
      "To stop messages from a brand, send RET followed by the brand's code or name,"
          + " e.g. RET 123456.";

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  @EJB private ConsentRecorder recorder;

  @EJB private Outbox outbox;

  @EJB private BrandCatalog catalog;

  /** What became of one inbound message. */
  public enum Outcome {
    REJECTED,
    ALREADY_REJECTED,
    UNKNOWN_BRAND,
    AMBIGUOUS_BRAND,
    MALFORMED,
    INVALID_SENDER,
    DUPLICATE
  }

  public Outcome receive(String messageId, String from, String text) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    int fresh =
        em.createNativeQuery(
                "INSERT IGNORE INTO sms_inbound (message_id, received, outcome)"
                    + " VALUES (?, ?, 'RECEIVED')")
            .setParameter(1, messageId)
            .setParameter(2, Utc.column(now))
            .executeUpdate();
    if (fresh == 0) {
      return Outcome.DUPLICATE;
    }

    Outcome outcome = act(from, text, now);

    em.createNativeQuery("UPDATE sms_inbound SET outcome = ? WHERE message_id = ?")
        .setParameter(1, outcome.name())
        .setParameter(2, messageId)
        .executeUpdate();
    LOG.log(System.Logger.Level.INFO, "inbound SMS {0}: {1}", messageId, outcome);
    return outcome;
  }

  private Outcome act(String from, String text, Instant now) {
    Recipient sender;
    try {
      sender = Recipient.phone(from == null ? "" : from.strip());
    } catch (DomainException notAPhoneNumber) {
      return Outcome.INVALID_SENDER;
    }
    String[] words = text == null ? new String[0] : text.strip().split("\\s+", 2);
    if (words.length < 2 || !words[0].equalsIgnoreCase("RET")) {
      outbox.toAddress(sender.address(), "Your message was not understood. " + HOW_TO);
      return Outcome.MALFORMED;
    }
    List<Brand> brands = catalog.byCodeOrName(words[1]);
    if (brands.isEmpty()) {
      outbox.toAddress(sender.address(), "No brand is known by that code or name. " + HOW_TO);
      return Outcome.UNKNOWN_BRAND;
    }
    if (brands.size() > 1) {
      outbox.toAddress(
          sender.address(),
          "Several brands have that name; send RET followed by the brand's code instead.");
      return Outcome.AMBIGUOUS_BRAND;
    }

    Brand brand = brands.get(0);
    var key = new ConsentKey(brand.brandCode(), sender, RecipientType.BIREYSEL, ConsentType.MESAJ);
    var change =
        ConsentChange.byRecipient(key, ConsentStatus.RET, ConsentSource.IYS_KISAMESAJ, now);
    var attempt = recorder.attempt(brand.iysCode(), brand.brandCode(), change, now);
    if (!attempt.isRecorded()) {
      outbox.toAddress(
          sender.address(), "Messages from " + brand.name() + " were already rejected.");
      return Outcome.ALREADY_REJECTED;
    }
    outbox.toAddress(
        sender.address(),
        "Your rejection of messages from " + brand.name() + " has been recorded.");
    return Outcome.REJECTED;
  }
}
