package org.iys.application.consentfile;

import java.util.List;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.error.Violation;

/**
 * One data row of a bulk consent file after the field rules: either the change it asks for, or why
 * it was refused before any stored state was read.
 *
 * @param lineNumber the physical line the row ends on, as a spreadsheet would number it
 * @param recordNumber the row's position among the file's data rows (1-based); an interrupted
 *     import resumes after the highest one stored
 * @param shownKey the key as the report shows it, in the file's own characters
 * @param change the change, or null when the field rules refused the row
 * @param refusals the field rules' violations; empty when {@code change} is set
 * @param warning a note for the report on an accepted row (a rewritten phone number), or null
 * @param charsRead how far into the file the reader was, for the progress estimate
 */
public record ConsentFileRow(
    long lineNumber,
    long recordNumber,
    String shownKey,
    ConsentChange change,
    List<Violation> refusals,
    String warning,
    long charsRead) {

  public ConsentFileRow {
    refusals = List.copyOf(refusals);
  }

  public static ConsentFileRow accepted(
      long line, long record, String shownKey, ConsentChange change, String warning, long chars) {
    return new ConsentFileRow(line, record, shownKey, change, List.of(), warning, chars);
  }

  public static ConsentFileRow refused(
      long line, long record, String shownKey, List<Violation> refusals, long chars) {
    return new ConsentFileRow(line, record, shownKey, null, refusals, null, chars);
  }
}
