package org.iys.batch.consentimport;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iys.application.consentfile.ConsentFileRow;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentRequestValidator;
import org.iys.domain.consent.InvalidConsentRequestException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Judges one row by the API's own field rules: the row becomes the same field map a REST request
 * body becomes, and {@link ConsentRequestValidator} decides. The only thing done here first is
 * reading national phone-number forms, which the API does not accept but offices' files are full
 * of.
 */
@Named
public class ConsentRowProcessor implements ItemProcessor {

  private static final BusinessCalendar CALENDAR = BusinessCalendar.bundled();

  private final ConsentRequestValidator validator = new ConsentRequestValidator(CALENDAR);

  private final Clock clock = Clock.systemUTC();

  @Override
  public Object processItem(Object item) {
    return judge((RawRow) item, validator, clock);
  }

  static ConsentFileRow judge(RawRow row, ConsentRequestValidator validator, Clock clock) {
    Map<String, Object> fields = new LinkedHashMap<>(row.fields());
    String shownKey = shownKey(fields);
    if (row.failure() != null) {
      Violation unreadable = Violation.of(ErrorCode.IYS022).withMessage(row.failure());
      return refused(row, shownKey, List.of(unreadable));
    }
    String warning = null;
    if (fields.get("recipient") instanceof String written && !"EPOSTA".equals(fields.get("type"))) {
      PhoneForms.Reading phone = PhoneForms.read(written);
      if (phone.scientific()) {
        return refused(
            row, shownKey, List.of(Violation.of(ErrorCode.IYS020, "recipient", written)));
      }
      if (phone.rewritten()) {
        fields.put("recipient", phone.text());
        shownKey = shownKey(fields);
        warning = ErrorCode.IYS021.message() + " Written: " + written + ", read: " + phone.text();
      }
    }
    try {
      ConsentChange change = validator.toChange(fields, clock);
      return ConsentFileRow.accepted(
          row.lineNumber(), row.recordNumber(), shownKey, change, warning, row.charsRead());
    } catch (InvalidConsentRequestException refused) {
      return refused(row, shownKey, refused.violations());
    }
  }

  private static ConsentFileRow refused(RawRow row, String shownKey, List<Violation> refusals) {
    return ConsentFileRow.refused(
        row.lineNumber(), row.recordNumber(), shownKey, refusals, row.charsRead());
  }

  private static String shownKey(Map<String, Object> fields) {
    Object recipientType = fields.getOrDefault("recipientType", "BIREYSEL");
    return recipientType + ";" + text(fields.get("type")) + ";" + text(fields.get("recipient"));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
