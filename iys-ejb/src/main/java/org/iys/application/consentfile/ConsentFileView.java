package org.iys.application.consentfile;

import java.time.Instant;

/**
 * A bulk consent file and how far its import has come.
 *
 * @param estimatedEnd when the import should finish at its pace so far; null until rows are read or
 *     once it has ended
 */
public record ConsentFileView(
    long id,
    int iysCode,
    int brandCode,
    String sha256,
    String fileName,
    long sizeBytes,
    String status,
    Instant receivedAt,
    Long executionId,
    Instant startedAt,
    Instant finishedAt,
    long rowsRead,
    long rowsWritten,
    long rowsRefused,
    long rowsWarned,
    Instant estimatedEnd,
    String failure) {}
