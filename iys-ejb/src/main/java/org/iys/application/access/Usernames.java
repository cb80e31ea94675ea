package org.iys.application.access;

import java.util.regex.Pattern;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/** The shape every account name has, for staff and API users alike. */
final class Usernames {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._@-]{3,128}");

  private Usernames() {}

  static boolean wellFormed(String username) {
    return username != null && SHAPE.matcher(username).matches();
  }

  static void requireValid(String username, String password) {
    var violations = new java.util.ArrayList<Violation>();
    if (!wellFormed(username)) {
      violations.add(Violation.of(ErrorCode.IYS113, "username", username));
    }
    if (password == null || password.length() < 12 || password.length() > 128) {
      violations.add(Violation.of(ErrorCode.IYS115, "password", null));
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
  }
}
