package org.iys.domain.retailer;

/** A city or town as the business names it: its code and its name, both free text. */
public record Place(String code, String name) {}
