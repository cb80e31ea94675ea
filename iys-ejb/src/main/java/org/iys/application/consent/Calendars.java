package org.iys.application.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentRequestValidator;

/**
 * The business-day calendar and the field rules built on it. An operator's holiday file, named by
 * the system property {@code iys.holidays.file}, replaces the bundled one without a release.
 */
@ApplicationScoped
public class Calendars {

  static final String HOLIDAYS_FILE = "iys.holidays.file";

  @Produces
  @Singleton
  BusinessCalendar calendar() {
    String file = System.getProperty(HOLIDAYS_FILE, "");
    if (!file.isBlank() && Files.isRegularFile(Path.of(file))) {
      return BusinessCalendar.fromFile(Path.of(file));
    }
    return BusinessCalendar.bundled();
  }

  @Produces
  @Singleton
  ConsentRequestValidator validator(BusinessCalendar calendar) {
    return new ConsentRequestValidator(calendar);
  }
}
