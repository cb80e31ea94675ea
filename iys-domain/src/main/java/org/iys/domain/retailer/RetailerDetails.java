package org.iys.domain.retailer;

/**
 * What a business tells the registry about one of its retailers, already checked by {@link
 * RetailerForm}. Optional fields are null when the request left them out.
 */
public record RetailerDetails(
    String title,
    String mersis,
    String alias,
    String name,
    String tckn,
    String mobile,
    String tin,
    Place city,
    Place town,
    RetailerStatus status) {}
