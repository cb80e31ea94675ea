package org.iys.domain.business;

/** How the registry reaches a business: e-mail, phone and postal address. */
public record Contact(String email, String phone, String address) {}
