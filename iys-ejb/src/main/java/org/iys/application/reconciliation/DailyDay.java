package org.iys.application.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One brand's day in the reconciliation chain.
 *
 * @param frozen whether the day is over and its hashes are stored for good; an unfrozen day's
 *     hashes describe the movements so far and carry no chain hash
 * @param agreedAt when the business agreed with the day's file, or null
 */
public record DailyDay(
    LocalDate reportDate,
    long rowCount,
    String fileHash,
    String previousChainHash,
    String chainHash,
    boolean frozen,
    Instant agreedAt) {}
