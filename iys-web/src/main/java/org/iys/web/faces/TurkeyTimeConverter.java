package org.iys.web.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.iys.domain.calendar.BusinessCalendar;

/**
 * Shows an instant as Turkey's wall-clock time ({@code dd.MM.yyyy HH:mm:ss}), whatever the zone of
 * the server or the browser. Display only: the screens never read a time back.
 */
@FacesConverter("turkeyTime")
public class TurkeyTimeConverter implements Converter<Object> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss", Locale.ROOT)
          .withZone(BusinessCalendar.TURKEY);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);

  @Override
  public Object getAsObject(FacesContext context, UIComponent component, String value) {
    throw new ConverterException("times are shown, never entered");
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant instant) {
      return TIME.format(instant);
    }
    if (value instanceof LocalDate day) {
      return DAY.format(day);
    }
    return value.toString();
  }
}
