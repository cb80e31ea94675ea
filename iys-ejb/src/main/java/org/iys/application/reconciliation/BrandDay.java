package org.iys.application.reconciliation;

/** A frozen day of the chain together with the brand (and its business) it belongs to. */
public record BrandDay(int iysCode, int brandCode, DailyDay day) {}
