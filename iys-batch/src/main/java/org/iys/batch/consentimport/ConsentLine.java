package org.iys.batch.consentimport;

/** One physical line of a consent file with its 1-based number. */
public record ConsentLine(long number, String text) {}
