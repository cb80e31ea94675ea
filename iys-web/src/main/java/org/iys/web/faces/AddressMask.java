package org.iys.web.faces;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an address looks to an operator before they open it: enough to tell two apart on one screen,
 * not enough to contact the person.
 */
public final class AddressMask {

  // What could be an e-mail address or a phone number inside free text, such as the reason a
  // message failed; a little too eager rather than letting an address through.
  private static final Pattern ADDRESS_IN_TEXT =
      Pattern.compile(
          "[^\\s@\"',;:<>()\\[\\]{}]+@[^\\s@\"',;:<>()\\[\\]{}]+|\\+?\\d[\\d ]{8,16}\\d");

  private AddressMask() {}

  /** The text with every address-like part in it masked. */
  public static String maskWithin(String text) {
    if (text == null) {
      return null;
    }
    Matcher found = ADDRESS_IN_TEXT.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (found.find()) {
      found.appendReplacement(masked, Matcher.quoteReplacement(mask(found.group())));
    }
    found.appendTail(masked);
    return masked.toString();
  }

  /** Keeps the first three and last two characters of a phone number, the domain of an e-mail. */
  public static String mask(String address) {
    if (address == null) {
      return null;
    }
    int at = address.indexOf('@');
    if (at > 0) {
      return address.charAt(0) + "*".repeat(Math.max(1, at - 1)) + address.substring(at);
    }
    if (address.length() <= 5) {
      return "*".repeat(address.length());
    }
    return address.substring(0, 3)
        + "*".repeat(address.length() - 5)
        + address.substring(address.length() - 2);
  }
}
