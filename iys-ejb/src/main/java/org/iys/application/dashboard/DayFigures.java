package org.iys.application.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.iys.domain.calendar.BusinessCalendar;

/**
 * The figures of one day in Turkey for the staff dashboard: consent movements by source and
 * channel, complaints judged by verdict, and bulk imports by state. Counted in the database on each
 * call, so every instance shows the same numbers.
 */
@Stateless
public class DayFigures {

  @PersistenceContext(unitName = "iys")
  private EntityManager em;

  @Inject private Clock clock;

  /** A count under a label, such as a source and channel. */
  public record Count(String label, String detail, long count) {}

  /** The figures of a day. */
  public record Figures(
      LocalDate day, List<Count> movements, List<Count> verdicts, List<Count> imports) {

    public long totalMovements() {
      return movements.stream().mapToLong(Count::count).sum();
    }
  }

  public Figures today() {
    return of(LocalDate.now(clock.withZone(BusinessCalendar.TURKEY)));
  }

  public Figures of(LocalDate day) {
    // Instants are stored as UTC wall-clock times, so the Turkish day is turned into UTC bounds.
    LocalDateTime from =
        day.atStartOfDay(BusinessCalendar.TURKEY)
            .withZoneSameInstant(ZoneOffset.UTC)
            .toLocalDateTime();
    LocalDateTime to =
        day.plusDays(1)
            .atStartOfDay(BusinessCalendar.TURKEY)
            .withZoneSameInstant(ZoneOffset.UTC)
            .toLocalDateTime();
    return new Figures(
        day,
        counts(
            "SELECT COALESCE(source, '-'), type, COUNT(*) FROM consent_movement"
                + " WHERE creation_date >= ?1 AND creation_date < ?2"
                + " GROUP BY source, type ORDER BY source, type",
            from,
            to),
        counts(
            "SELECT COALESCE(verdict, '-'), status, COUNT(*) FROM complaint"
                + " WHERE judged_at >= ?1 AND judged_at < ?2"
                + " GROUP BY verdict, status ORDER BY verdict, status",
            from,
            to),
        counts(
            "SELECT status, '', COUNT(*) FROM consent_file"
                + " WHERE (received_at >= ?1 AND received_at < ?2) OR status = 'RUNNING'"
                + " GROUP BY status ORDER BY status",
            from,
            to));
  }

  private List<Count> counts(String sql, LocalDateTime from, LocalDateTime to) {
    List<?> rows =
        em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new Count(
                    String.valueOf(row[0]), String.valueOf(row[1]), ((Number) row[2]).longValue()))
        .toList();
  }
}
