package org.iys.application.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentMovement;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.persistence.JdbcConsentStateRepository;
import org.iys.infrastructure.persistence.JdbcConsentStateRepository.State;

/**
 * The check before sending: may a brand send one kind of commercial message to an address now?
 *
 * <p>The answer comes from the current state of the consent, with no embargo: a rejection stops
 * sending at once. An individual (BIREYSEL) needs an ONAY; a merchant (TACIR) may be messaged until
 * it rejects. A rejection younger than the legal stop window (3 business days) is reported with the
 * moment sending must have stopped by, because complaints are judged with that grace; an older one
 * is simply rejected. Addresses are judged by the same rules as consents, so an address that could
 * never hold a consent is reported as invalid rather than as "no consent".
 */
@ApplicationScoped
public class SendingCheck {

  /** The longest list one bulk check answers. */
  public static final int MAX_RECIPIENTS = 100_000;

  private final BusinessCalendar calendar = BusinessCalendar.bundled();

  private final Clock clock = Clock.systemUTC();

  @Inject private JdbcConsentStateRepository states;

  public Verdict check(int brandCode, ConsentType type, RecipientType recipientType, String text) {
    Instant now = clock.instant();
    String candidate = candidate(type, text);
    if (candidate != null) {
      Optional<State> state = states.find(brandCode, candidate, recipientType, type);
      if (state.isPresent()) {
        return judge(candidate, recipientType, state.get(), now);
      }
    }
    String address;
    try {
      address = Recipient.forType(type, text).address();
    } catch (DomainException invalid) {
      return Verdict.invalid(text, invalid.violations().get(0).code());
    }
    State state =
        address.equals(candidate)
            ? null
            : states.find(brandCode, address, recipientType, type).orElse(null);
    return judge(address, recipientType, state, now);
  }

  /**
   * Checks a list in batches and hands only the refused addresses to {@code refused}, in the order
   * of the list, as each batch is answered; the caller can stream them out without holding the
   * whole answer.
   *
   * @return how many addresses were checked
   */
  public int checkAll(
      int brandCode,
      ConsentType type,
      RecipientType recipientType,
      List<String> texts,
      RefusalSink refused) {
    if (texts.size() > MAX_RECIPIENTS) {
      throw new DomainException(Violation.of(ErrorCode.IYS040, "recipients", texts.size()));
    }
    Instant now = clock.instant();
    int batch = JdbcConsentStateRepository.BATCH;
    for (int from = 0; from < texts.size(); from += batch) {
      List<String> slice = texts.subList(from, Math.min(from + batch, texts.size()));
      String[] candidates = new String[slice.size()];
      List<String> lookups = new ArrayList<>(slice.size());
      for (int i = 0; i < slice.size(); i++) {
        candidates[i] = candidate(type, slice.get(i));
        if (candidates[i] != null) {
          lookups.add(candidates[i]);
        }
      }
      Map<String, State> found = states.findAll(brandCode, lookups, recipientType, type);

      Verdict[] verdicts = new Verdict[slice.size()];
      String[] respelled = new String[slice.size()];
      List<String> secondLookups = new ArrayList<>();
      for (int i = 0; i < slice.size(); i++) {
        State state = candidates[i] == null ? null : found.get(candidates[i]);
        if (state != null) {
          verdicts[i] = judge(candidates[i], recipientType, state, now);
          continue;
        }
        try {
          String address = Recipient.forType(type, slice.get(i)).address();
          if (address.equals(candidates[i])) {
            verdicts[i] = judge(address, recipientType, null, now);
          } else {
            respelled[i] = address;
            secondLookups.add(address);
          }
        } catch (DomainException e) {
          verdicts[i] = Verdict.invalid(slice.get(i), e.violations().get(0).code());
        }
      }
      Map<String, State> foundRespelled =
          states.findAll(brandCode, secondLookups, recipientType, type);

      for (int i = 0; i < slice.size(); i++) {
        Verdict verdict =
            verdicts[i] != null
                ? verdicts[i]
                : judge(respelled[i], recipientType, foundRespelled.get(respelled[i]), now);
        if (!verdict.isAllowed()) {
          refused.accept(verdict);
        }
      }
    }
    return texts.size();
  }

  /**
   * The text as it would be stored, when it already looks canonical: only canonical, validated
   * addresses are ever stored, so finding this spelling in the table proves the address valid and
   * the full validation (libphonenumber, the costliest step of a check) is needed only for
   * addresses without a record. Null when the text cannot be a stored address as it is.
   */
  private static String candidate(ConsentType type, String text) {
    if (text == null || text.isEmpty() || text.length() > 265) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return null;
      }
    }
    if (type.takesPhoneNumber()) {
      return text.charAt(0) == '+' && text.length() <= 16 ? text : null;
    }
    return text.indexOf('@') > 0 ? text.toLowerCase(Locale.ROOT) : null;
  }

  private Verdict judge(String address, RecipientType recipientType, State state, Instant now) {
    if (state == null) {
      return recipientType == RecipientType.TACIR
          ? Verdict.allowed(address)
          : Verdict.refused(address, Verdict.Reason.NO_CONSENT);
    }
    if (state.status() == ConsentStatus.ONAY) {
      return Verdict.allowed(address);
    }
    Instant given = state.consentDate() == null ? state.creationDate() : state.consentDate();
    Instant stopBy = calendar.deadline(given, ConsentMovement.STOP_SENDING_BUSINESS_DAYS);
    return now.isBefore(stopBy)
        ? Verdict.rejectedUntil(address, stopBy)
        : Verdict.refused(address, Verdict.Reason.REJECTED);
  }

  /** Receives the refused addresses of a bulk check as they are found. */
  @FunctionalInterface
  public interface RefusalSink {
    void accept(Verdict refused);
  }
}
