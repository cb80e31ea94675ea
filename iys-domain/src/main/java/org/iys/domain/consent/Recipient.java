package org.iys.domain.consent;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The address a consent belongs to: a phone number in E.164 form or a lower-case e-mail address.
 *
 * <p>The address is the recipient's identity across all brands, so it exists only in one canonical
 * spelling: a phone number exactly as E.164 writes it (a plus sign, no spaces, no zero after the
 * country code), an e-mail address in lower case. Anything else refuses to become a recipient, with
 * the registry's error codes. Numbers are checked against libphonenumber's metadata for every
 * country, independent of any default region; landlines are valid.
 */
public final class Recipient {

  static final String FIELD = "recipient";
  private static final int MAX_PHONE_LENGTH = 15;
  private static final int MIN_EMAIL_LENGTH = 6;
  private static final int MAX_EMAIL_LENGTH = 265;
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern LOCAL_PART =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final int TURKEY = 90;

  private final String address;

  private Recipient(String address) {
    this.address = address;
  }

  /**
   * The recipient for a consent of the given type: a phone number for MESAJ and ARAMA, an e-mail
   * address for EPOSTA.
   *
   * @throws DomainException H121/H160 for a bad phone number, H464 for an e-mail address where a
   *     phone number belongs, H120 for anything that is not an e-mail address on EPOSTA
   */
  public static Recipient forType(ConsentType type, String text) {
    if (type.takesPhoneNumber() && text.indexOf('@') >= 0 && isEmailAddress(text)) {
      throw refusal(Violation.of(ErrorCode.H464, FIELD, text).withMessage(mismatch(type)));
    }
    return type.takesPhoneNumber() ? phone(text) : email(text);
  }

  /**
   * A phone number or an e-mail address, whichever the text is; used when the request's type is
   * itself missing or wrong, so that the address can still be judged.
   *
   * @throws DomainException H122 when the text is neither
   */
  public static Recipient any(String text) {
    if (isEmailAddress(text)) {
      return new Recipient(text.toLowerCase(Locale.ROOT));
    }
    if (isPhoneNumber(text)) {
      return new Recipient(text);
    }
    throw refusal(Violation.of(ErrorCode.H122, FIELD, text));
  }

  /**
   * @throws DomainException H121 when not a valid E.164 number, H160 when over 15 characters
   */
  public static Recipient phone(String text) {
    List<Violation> violations = new ArrayList<>();
    if (!isPhoneNumber(text)) {
      violations.add(Violation.of(ErrorCode.H121, FIELD, text));
    }
    if (text.length() > MAX_PHONE_LENGTH) {
      violations.add(Violation.of(ErrorCode.H160, FIELD, text));
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    return new Recipient(text);
  }

  /**
   * @throws DomainException H120 when not a valid e-mail address
   */
  public static Recipient email(String text) {
    if (!isEmailAddress(text)) {
      throw refusal(Violation.of(ErrorCode.H120, FIELD, text));
    }
    return new Recipient(text.toLowerCase(Locale.ROOT));
  }

  /** An address read back from storage, where only canonical addresses are ever written. */
  static Recipient stored(String address) {
    return new Recipient(address);
  }

  public String address() {
    return address;
  }

  public boolean isPhoneNumber() {
    return address.startsWith("+");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Recipient that && address.equals(that.address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  /** Masked, because addresses are personal data and {@code toString} ends up in logs. */
  @Override
  public String toString() {
    int visible = Math.min(3, address.length());
    return "*".repeat(address.length() - visible) + address.substring(address.length() - visible);
  }

  // The canonical-form comparison also refuses what the parser would quietly repair, such as the
  // national trunk zero in +900532...: such a number would otherwise be stored twice.
  static boolean isPhoneNumber(String text) {
    if (!E164.matcher(text).matches()) {
      return false;
    }
    if (isTurkishWithoutTrunkZero(text)) {
      return PHONES.isValidNumber(turkish(text));
    }
    return isPhoneNumberByParsing(text);
  }

  /** The general rule, for every country; package-visible so the shortcut can be compared. */
  static boolean isPhoneNumberByParsing(String text) {
    if (!E164.matcher(text).matches()) {
      return false;
    }
    try {
      PhoneNumber number = PHONES.parse(text, null);
      return PHONES.isValidNumber(number)
          && PHONES.format(number, PhoneNumberFormat.E164).equals(text);
    } catch (NumberParseException e) {
      return false;
    }
  }

  // Turkish numbers are nearly every address the registry sees, and parsing is the costliest step
  // of a bulk check. For +90 followed by a national number that does not start with the trunk
  // zero, the parser would strip nothing and produce exactly this number, whose E.164 form is the
  // text itself; so it is built directly and only the validity rules are asked.
  // RecipientTest compares both ways on every prefix.
  private static boolean isTurkishWithoutTrunkZero(String text) {
    return text.length() > 3 && text.startsWith("+90") && text.charAt(3) != '0';
  }

  private static PhoneNumber turkish(String text) {
    return new PhoneNumber()
        .setCountryCode(TURKEY)
        .setNationalNumber(Long.parseLong(text, 3, text.length(), 10));
  }

  // Printable ASCII only: Turkish letters and every other non-ASCII character are refused, as is
  // any whitespace, including at the ends.
  private static boolean isEmailAddress(String text) {
    if (text.length() < MIN_EMAIL_LENGTH || text.length() > MAX_EMAIL_LENGTH) {
      return false;
    }
    if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      return false;
    }
    int at = text.indexOf('@');
    if (at < 1 || at != text.lastIndexOf('@') || at > 64) {
      return false;
    }
    return LOCAL_PART.matcher(text.substring(0, at)).matches() && isDomain(text.substring(at + 1));
  }

  private static boolean isDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!DOMAIN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
  }

  private static String mismatch(ConsentType type) {
    return "A " + type + " consent is given to a phone number, not to an e-mail address.";
  }

  private static DomainException refusal(Violation violation) {
    return new DomainException(violation);
  }
}
