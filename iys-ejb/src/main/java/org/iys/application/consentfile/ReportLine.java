package org.iys.application.consentfile;

/** One line of an import's report: what happened to one data row of the file. */
public record ReportLine(
    long lineNumber, String key, String outcome, String code, String message) {}
