package org.iys.batch.consentimport;

import java.util.Map;

/**
 * One data row as the file wrote it, before any rule: the consent fields by their API names.
 *
 * @param failure why the row could not be turned into fields, or null
 * @param charsRead how far into the decoded file the reader was
 */
public record RawRow(
    long lineNumber,
    long recordNumber,
    Map<String, Object> fields,
    String failure,
    long charsRead) {}
