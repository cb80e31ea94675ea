package org.iys.application.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of checking a stretch of a brand's chain against the movements stored now.
 *
 * @param valid whether every day's file still hashes as frozen and every link holds
 */
public record ChainCheck(LocalDate from, LocalDate to, boolean valid, List<Day> days) {

  /**
   * @param fileMatches the file rebuilt from today's movements has the frozen hash
   * @param linkMatches the stored chain hash follows from the previous one and the file hash
   */
  public record Day(
      LocalDate reportDate,
      long rowCount,
      String fileHash,
      String recomputedFileHash,
      String chainHash,
      boolean fileMatches,
      boolean linkMatches) {}
}
