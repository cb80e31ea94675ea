package org.iys.application.reconciliation;

import java.time.Instant;
import java.util.Map;

/** A comparison of a business's list with the registry, with its differences counted by kind. */
public record ListComparisonView(
    long id,
    int iysCode,
    int brandCode,
    String fileName,
    String status,
    Instant receivedAt,
    Instant finishedAt,
    long rowsRead,
    Map<String, Long> differences,
    String failure) {}
