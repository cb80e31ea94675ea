package org.iys.batch.reconciliation;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Named;
import java.util.Map;
import org.iys.application.reconciliation.ListEntry;
import org.iys.batch.consentimport.PhoneForms;
import org.iys.batch.consentimport.RawRow;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.Recipient;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.DomainException;

/**
 * Turns a list line into the key the registry stores: the type and recipient type by their API
 * names, the recipient canonicalised by the domain (national phone forms read as in the import).
 * Only the key and the status matter for a comparison; dates and sources are not checked.
 */
@Named
public class BusinessListProcessor implements ItemProcessor {

  @Override
  public Object processItem(Object item) {
    return entry((RawRow) item);
  }

  static ListEntry entry(RawRow row) {
    Map<String, Object> fields = row.fields();
    String written = text(fields.get("recipient"));
    if (row.failure() != null) {
      return ListEntry.unreadable(row.lineNumber(), written, row.failure());
    }
    try {
      ConsentType type = ConsentType.valueOf(text(fields.get("type")));
      RecipientType recipientType =
          RecipientType.valueOf(
              fields.get("recipientType") == null ? "BIREYSEL" : text(fields.get("recipientType")));
      ConsentStatus status = ConsentStatus.valueOf(text(fields.get("status")));
      if (written.isEmpty()) {
        return ListEntry.unreadable(row.lineNumber(), written, "The recipient is missing.");
      }
      String address = written;
      if (type != ConsentType.EPOSTA) {
        PhoneForms.Reading phone = PhoneForms.read(written);
        if (phone.scientific()) {
          return ListEntry.unreadable(
              row.lineNumber(),
              written,
              "The number was turned into scientific notation; export the column as text.");
        }
        address = phone.text();
      }
      String recipient = Recipient.forType(type, address).address();
      return new ListEntry(
          row.lineNumber(),
          recipientType + "|" + type + "|" + recipient,
          recipientType.name(),
          type.name(),
          recipient,
          status.name(),
          null);
    } catch (IllegalArgumentException | DomainException unreadable) {
      return ListEntry.unreadable(
          row.lineNumber(),
          written,
          "The line does not name a valid type, recipientType, status and recipient"
              + " (as the consent API spells them).");
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }
}
