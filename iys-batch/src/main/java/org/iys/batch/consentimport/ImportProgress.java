package org.iys.batch.consentimport;

/** What an import has done so far. */
public record ImportProgress(long executionId, String status, long linesStored) {}
