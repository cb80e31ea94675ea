package org.iys.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;

/** Messages shown on the staff screens, in the language of the page. */
public final class Messages {

  private static final String BUNDLE = "org.iys.web.faces.messages";

  private Messages() {}

  public static void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, text(key, arguments));
  }

  /** Each violation as an error message, in the page's language when the bundle knows its code. */
  public static void of(DomainException refusal) {
    for (Violation violation : refusal.violations()) {
      String code = violation.code().name();
      String text =
          bundle().containsKey("error." + code) ? text("error." + code) : violation.message();
      add(FacesMessage.SEVERITY_ERROR, code + ": " + text);
    }
  }

  public static String text(String key, Object... arguments) {
    try {
      String pattern = bundle().getString(key);
      return arguments.length == 0
          ? pattern
          : new java.text.MessageFormat(pattern, locale()).format(arguments);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  private static ResourceBundle bundle() {
    return ResourceBundle.getBundle(BUNDLE, locale());
  }

  private static java.util.Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
