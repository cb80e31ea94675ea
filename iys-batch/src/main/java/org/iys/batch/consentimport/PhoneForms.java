package org.iys.batch.consentimport;

import java.util.regex.Pattern;

/**
 * Turkish phone numbers as offices type them and Excel exports them, rewritten to E.164 before the
 * API's rules see them. Only bulk files get this leniency: the API itself takes E.164 alone.
 *
 * <p>Accepted national forms: a leading trunk zero ({@code 05321234567}), no plus sign ({@code
 * 905321234567}), an international {@code 00} prefix, spaces, dashes and parentheses, and the
 * {@code .0} Excel appends to a number cell. A number Excel has turned into scientific notation
 * ({@code 5,32E+09}) has lost its digits and cannot be repaired.
 */
public final class PhoneForms {

  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0()\\-./]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private PhoneForms() {}

  /** What became of one written number. */
  public record Reading(String text, boolean rewritten, boolean scientific) {}

  public static Reading read(String written) {
    String text = written.strip();
    if (SCIENTIFIC.matcher(text).matches()) {
      return new Reading(written, false, true);
    }
    if (text.startsWith("+") || text.indexOf('@') >= 0) {
      String compact = text.startsWith("+") ? SEPARATORS.matcher(text).replaceAll("") : text;
      return new Reading(compact, !compact.equals(written), false);
    }
    String digits = SEPARATORS.matcher(withoutExcelDecimal(text)).replaceAll("");
    if (!DIGITS.matcher(digits).matches()) {
      return new Reading(written, false, false);
    }
    String e164 = nationalToE164(digits);
    return e164 == null ? new Reading(written, false, false) : new Reading(e164, true, false);
  }

  private static String withoutExcelDecimal(String text) {
    return text.endsWith(".0") || text.endsWith(",0") ? text.substring(0, text.length() - 2) : text;
  }

  private static String nationalToE164(String digits) {
    if (digits.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    if (digits.startsWith("90") && digits.length() == 12) {
      return "+" + digits;
    }
    if (digits.startsWith("0") && digits.length() == 11) {
      return "+90" + digits.substring(1);
    }
    if (digits.length() == 10 && digits.charAt(0) != '0') {
      return "+90" + digits;
    }
    return null;
  }
}
