package org.iys.domain.business;

/**
 * The Turkish tax identity of a business: a 10-digit tax number (VKN) for companies, or the owner's
 * 11-digit identity number (TCKN) for sole proprietors, who are taxed under it. Both carry check
 * digits, so most typing errors are caught before staff ever see the application.
 */
public final class TaxNumber {

  private TaxNumber() {}

  public static boolean isValid(String value) {
    if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return switch (value.length()) {
      case 10 -> isValidVkn(value);
      case 11 -> isValidTckn(value);
      default -> false;
    };
  }

  // Each of the first nine digits is shifted by its distance from the end, weighted by a power of
  // two modulo 9 (a 0 that was not 0 before counts as 9); the tenth digit completes the sum to a
  // multiple of ten.
  static boolean isValidVkn(String vkn) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int shifted = (digit(vkn, i) + 9 - i) % 10;
      int weighted = (shifted * (1 << (9 - i))) % 9;
      if (shifted != 0 && weighted == 0) {
        weighted = 9;
      }
      sum += weighted;
    }
    return (10 - sum % 10) % 10 == digit(vkn, 9);
  }

  // The tenth digit checks the odd and even positions against each other; the eleventh is the sum
  // of the first ten. An identity number never starts with 0.
  static boolean isValidTckn(String tckn) {
    if (digit(tckn, 0) == 0) {
      return false;
    }
    int odd = 0;
    int even = 0;
    for (int i = 0; i < 9; i++) {
      if (i % 2 == 0) {
        odd += digit(tckn, i);
      } else {
        even += digit(tckn, i);
      }
    }
    int tenth = Math.floorMod(odd * 7 - even, 10);
    int eleventh = (odd + even + tenth) % 10;
    return tenth == digit(tckn, 9) && eleventh == digit(tckn, 10);
  }

  private static int digit(String value, int index) {
    return value.charAt(index) - '0';
  }
}
