package org.iys.web.rest.business;

/** A business's application as it is posted. */
public record ApplicationRequest(
    String title,
    String taxNumber,
    String mersisNumber,
    String email,
    String phone,
    String address) {}
