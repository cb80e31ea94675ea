package org.iys.domain.business;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * What a business fills in to apply. {@link #validated()} checks every field at once, so that the
 * applicant sees all mistakes in one answer, and returns the form in canonical shape (trimmed
 * texts, lower-case e-mail).
 */
public record ApplicationForm(
    String title,
    String taxNumber,
    String mersisNumber,
    String address,
    String email,
    String phone) {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  // Deliberately plain: an ASCII local part and a dotted domain with a letter TLD. Addresses
  // with Turkish letters are refused like the registry refuses them for consents.
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private static final Pattern MERSIS = Pattern.compile("[0-9]{16}");

  public ApplicationForm validated() {
    List<Violation> violations = new ArrayList<>();
    String cleanTitle = trimmed(title);
    if (cleanTitle == null || cleanTitle.length() < 2 || cleanTitle.length() > 250) {
      violations.add(Violation.of(ErrorCode.IYS101, "title", title));
    }
    if (!TaxNumber.isValid(taxNumber)) {
      violations.add(Violation.of(ErrorCode.IYS102, "taxNumber", taxNumber));
    }
    if (mersisNumber == null || !MERSIS.matcher(mersisNumber).matches()) {
      violations.add(Violation.of(ErrorCode.IYS103, "mersisNumber", mersisNumber));
    }
    String cleanAddress = trimmed(address);
    if (cleanAddress == null || cleanAddress.length() < 10 || cleanAddress.length() > 500) {
      violations.add(Violation.of(ErrorCode.IYS104, "address", address));
    }
    if (email == null || email.length() > 265 || !EMAIL.matcher(email).matches()) {
      violations.add(Violation.of(ErrorCode.IYS105, "email", email));
    }
    if (!isE164(phone)) {
      violations.add(Violation.of(ErrorCode.IYS106, "phone", phone));
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new ApplicationForm(
        cleanTitle, taxNumber, mersisNumber, cleanAddress, email.toLowerCase(Locale.ROOT), phone);
  }

  private static boolean isE164(String value) {
    if (value == null || !value.startsWith("+") || value.length() > 16) {
      return false;
    }
    try {
      var number = PHONES.parse(value, "ZZ");
      return PHONES.isValidNumber(number)
          && PHONES.format(number, PhoneNumberFormat.E164).equals(value);
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static String trimmed(String value) {
    return value == null ? null : value.strip();
  }
}
