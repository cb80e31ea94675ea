package org.iys.domain.consent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * One request body read field by field: every field violation found, and the typed values of the
 * fields that were valid. Rules that combine fields run only on fields that were themselves valid,
 * so one fault is reported once.
 */
final class ConsentRequestReading {

  static final String RECIPIENT = Recipient.FIELD;
  static final String RECIPIENT_TYPE = "recipientType";
  static final String TYPE = "type";
  static final String STATUS = "status";
  static final String SOURCE = "source";
  static final String CONSENT_DATE = ConsentDate.FIELD;
  static final String RETAILER_CODE = "retailerCode";
  static final String RETAILER_ACCESS = "retailerAccess";
  static final String EVIDENCE_REFERENCE = "evidenceReference";

  private static final Set<String> FIELDS =
      Set.of(
          RECIPIENT,
          RECIPIENT_TYPE,
          TYPE,
          STATUS,
          SOURCE,
          CONSENT_DATE,
          RETAILER_CODE,
          RETAILER_ACCESS,
          EVIDENCE_REFERENCE);
  private static final int REGISTRATION_BUSINESS_DAYS = 3;
  private static final int MAX_RETAILERS = 100;
  private static final int MAX_EVIDENCE_LENGTH = 100;
  private static final BigDecimal SMALLEST_RETAILER = BigDecimal.valueOf(10_000_000);
  private static final BigDecimal LARGEST_RETAILER = BigDecimal.valueOf(99_999_999);

  private final Map<String, ?> body;
  private final Instant now;
  private final BusinessCalendar calendar;
  private final List<Violation> violations = new ArrayList<>();

  private RecipientType recipientType;
  private ConsentType type;
  private Recipient recipient;
  private ConsentStatus status;
  private ConsentSource source;
  private Instant consentDate;
  private Integer retailerCode;
  private List<Integer> retailerAccess = List.of();
  private String evidenceReference;

  private ConsentRequestReading(Map<String, ?> body, Instant now, BusinessCalendar calendar) {
    this.body = body;
    this.now = now;
    this.calendar = calendar;
  }

  static ConsentRequestReading of(Map<String, ?> body, Instant now, BusinessCalendar calendar) {
    ConsentRequestReading reading = new ConsentRequestReading(body, now, calendar);
    reading.readFields();
    reading.checkCombinations();
    return reading;
  }

  List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** The key fields, when all three were valid; used to find repeats in a bulk list. */
  List<Object> keyOrNull() {
    return recipientType == null || type == null || recipient == null
        ? null
        : List.of(recipientType, type, recipient);
  }

  ConsentChange change() {
    if (!violations.isEmpty()) {
      throw new IllegalStateException("an invalid request has no change");
    }
    return new ConsentChange(
        recipient,
        recipientType,
        type,
        status,
        source,
        consentDate,
        retailerCode,
        retailerAccess,
        evidenceReference);
  }

  private void readFields() {
    refuseUnknownFields();
    readRecipientType();
    readType();
    readRecipient();
    readStatus();
    readSource();
    readConsentDate();
    readRetailerCode();
    readRetailerAccess();
    readEvidenceReference();
  }

  private void checkCombinations() {
    if (source == ConsentSource.HS_KARAR && status == ConsentStatus.ONAY) {
      violations.add(Violation.of(ErrorCode.H408, STATUS, status));
    }
    if (consentDate != null) {
      checkConsentDateInTime();
    }
  }

  private void refuseUnknownFields() {
    body.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(name -> violations.add(Violation.of(ErrorCode.H118, name, body.get(name))));
  }

  // Absent and null both mean "not given": recipientType then defaults to BIREYSEL.
  private void readRecipientType() {
    Object value = body.get(RECIPIENT_TYPE);
    recipientType =
        value == null
            ? RecipientType.BIREYSEL
            : constantOrReport(RecipientType.class, RECIPIENT_TYPE, ErrorCode.H116);
  }

  private void readType() {
    Object value = body.get(TYPE);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H111, TYPE, null));
      return;
    }
    type = constantOrReport(ConsentType.class, TYPE, ErrorCode.H117);
  }

  private void readRecipient() {
    Object value = body.get(RECIPIENT);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H114, RECIPIENT, null));
      return;
    }
    String text = value instanceof String string ? string : "";
    try {
      recipient = type == null ? Recipient.any(text) : Recipient.forType(type, text);
    } catch (DomainException e) {
      e.violations().forEach(v -> violations.add(v.withValue(value)));
    }
  }

  private void readStatus() {
    Object value = body.get(STATUS);
    if (value == null) {
      violations.add(Violation.of(ErrorCode.H110, STATUS, null));
      return;
    }
    status = constantOrReport(ConsentStatus.class, STATUS, ErrorCode.H115);
  }

  // An individual's consent always names its source; a merchant's first record may omit it, and
  // whether this is the first record is a question for the state rules.
  private void readSource() {
    Object value = body.get(SOURCE);
    if (value == null) {
      requireUnlessMerchant(ErrorCode.H113, SOURCE);
      return;
    }
    ConsentSource named = constantOrNull(ConsentSource.class, value);
    if (named == null || named.isRegistrySource()) {
      violations.add(Violation.of(ErrorCode.H119, SOURCE, value));
      return;
    }
    source = named;
  }

  private void readConsentDate() {
    Object value = body.get(CONSENT_DATE);
    if (value == null) {
      requireUnlessMerchant(ErrorCode.H112, CONSENT_DATE);
      return;
    }
    if (!(value instanceof String text)) {
      violations.add(Violation.of(ErrorCode.H158, CONSENT_DATE, value));
      return;
    }
    try {
      consentDate = ConsentDate.parse(text);
    } catch (DomainException e) {
      violations.addAll(e.violations());
    }
  }

  // HS_2015 stands for consents gathered before the registry existed: its date is fixed, so the
  // range and deadline rules do not apply to it.
  private void checkConsentDateInTime() {
    Object text = body.get(CONSENT_DATE);
    if (source == ConsentSource.HS_2015) {
      if (!consentDate.equals(ConsentDate.HS_2015_DATE)) {
        violations.add(Violation.of(ErrorCode.H155, CONSENT_DATE, text));
      }
    } else if (consentDate.isBefore(ConsentDate.EARLIEST)) {
      violations.add(Violation.of(ErrorCode.H156, CONSENT_DATE, text));
    } else if (consentDate.isAfter(now)) {
      violations.add(Violation.of(ErrorCode.H162, CONSENT_DATE, text));
    } else if (registeredTooLate()) {
      violations.add(Violation.of(ErrorCode.H467, CONSENT_DATE, text));
    }
  }

  // Only an ONAY can be late. A rejection is recorded whenever it arrives: refusing it for
  // lateness would keep a consent alive that the recipient has withdrawn.
  private boolean registeredTooLate() {
    return status == ConsentStatus.ONAY
        && calendar.isOlderThanBusinessDays(consentDate, now, REGISTRATION_BUSINESS_DAYS);
  }

  private void readRetailerCode() {
    Object value = body.get(RETAILER_CODE);
    if (value == null) {
      return;
    }
    if ("".equals(value)) {
      violations.add(Violation.of(ErrorCode.H267, RETAILER_CODE, value));
      return;
    }
    retailerCode = retailerCodeOrNull(value);
    if (retailerCode == null) {
      violations.add(malformedRetailer(List.of(RETAILER_CODE), value));
    }
  }

  private void readRetailerAccess() {
    Object value = body.get(RETAILER_ACCESS);
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> codes)) {
      violations.add(malformedRetailer(List.of(RETAILER_ACCESS), value));
    } else if (codes.isEmpty()) {
      violations.add(Violation.of(ErrorCode.H163, RETAILER_ACCESS, "[]"));
    } else if (codes.size() > MAX_RETAILERS) {
      violations.add(Violation.of(ErrorCode.H126, RETAILER_ACCESS, codes.size()));
    } else {
      retailerAccess = retailerCodes(codes);
    }
  }

  private List<Integer> retailerCodes(List<?> codes) {
    List<Integer> read = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      Integer code = retailerCodeOrNull(codes.get(i));
      if (code == null) {
        violations.add(malformedRetailer(List.of(RETAILER_ACCESS, i), codes.get(i)));
      } else if (!read.contains(code)) {
        read.add(code);
      }
    }
    return read;
  }

  private void readEvidenceReference() {
    Object value = body.get(EVIDENCE_REFERENCE);
    if (value == null) {
      return;
    }
    if (value instanceof String text && isEvidenceReference(text)) {
      evidenceReference = text;
    } else {
      violations.add(Violation.of(ErrorCode.IYS002, EVIDENCE_REFERENCE, value));
    }
  }

  private static boolean isEvidenceReference(String text) {
    return !text.isEmpty()
        && text.length() <= MAX_EVIDENCE_LENGTH
        && text.strip().equals(text)
        && text.codePoints().noneMatch(Character::isISOControl);
  }

  private void requireUnlessMerchant(ErrorCode code, String field) {
    if (recipientType == RecipientType.BIREYSEL) {
      violations.add(Violation.of(code, field, null));
    }
  }

  private <E extends Enum<E>> E constantOrReport(Class<E> kind, String field, ErrorCode code) {
    E constant = constantOrNull(kind, body.get(field));
    if (constant == null) {
      violations.add(Violation.of(code, field, body.get(field)));
    }
    return constant;
  }

  // Enum values are matched exactly: "onay" or " ONAY" are as wrong as "RED", and so is a number.
  private static <E extends Enum<E>> E constantOrNull(Class<E> kind, Object value) {
    return Arrays.stream(kind.getEnumConstants())
        .filter(constant -> constant.name().equals(value))
        .findFirst()
        .orElse(null);
  }

  // A retailer code is a JSON integer of 8 digits; a string of digits is a wrong type.
  private static Integer retailerCodeOrNull(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    try {
      BigDecimal decimal = new BigDecimal(number.toString());
      boolean inRange =
          decimal.compareTo(SMALLEST_RETAILER) >= 0 && decimal.compareTo(LARGEST_RETAILER) <= 0;
      return inRange ? decimal.intValueExact() : null;
    } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
      return null;
    }
  }

  private static Violation malformedRetailer(List<Object> location, Object value) {
    return Violation.of(ErrorCode.H085, RETAILER_CODE, value)
        .withLocation(location)
        .withMessage("A retailer is named by its 8-digit retailer code, written as a number.");
  }
}
