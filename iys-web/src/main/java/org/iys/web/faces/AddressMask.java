package org.iys.web.faces;

/**
 * How an address looks to an operator before they open it: enough to tell two apart on one screen,
 * not enough to contact the person.
 */
public final class AddressMask {

  private AddressMask() {}

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
