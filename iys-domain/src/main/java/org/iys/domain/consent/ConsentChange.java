package org.iys.domain.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change someone asks for on one consent: the checked content of a business's request, or a
 * recipient's own action through the registry.
 *
 * <p>Its fields are already valid one by one (see {@link ConsentRequestValidator}); whether the
 * change may follow the consent's current state is for {@link Consent#apply} to decide.
 *
 * @param source null only on a TACIR record that came without one
 * @param consentDate null only on a TACIR record that came without one
 * @param retailerCode the 8-digit code of the retailer that mediated the consent, or null
 * @param retailerAccess retailers to be granted access to the consent; empty when none
 * @param evidenceReference the business's reference to the proof of the consent (a form number, a
 *     recording's id), or null; required to turn a rejection made through the registry back into
 *     ONAY
 */
public record ConsentChange(
    Recipient recipient,
    RecipientType recipientType,
    ConsentType type,
    ConsentStatus status,
    ConsentSource source,
    Instant consentDate,
    Integer retailerCode,
    List<Integer> retailerAccess,
    String evidenceReference) {

  public ConsentChange {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(recipientType, "recipientType");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    retailerAccess = retailerAccess == null ? List.of() : List.copyOf(retailerAccess);
  }

  /**
   * A change the recipient makes through the registry (web, mobile, call centre, SMS keyword,
   * reject link), dated at the moment the registry received it.
   */
  public static ConsentChange byRecipient(
      ConsentKey key, ConsentStatus status, ConsentSource registrySource, Instant now) {
    if (!registrySource.isRegistrySource()) {
      throw new IllegalArgumentException("a recipient acts through a registry source");
    }
    return new ConsentChange(
        key.recipient(),
        key.recipientType(),
        key.type(),
        status,
        registrySource,
        now,
        null,
        List.of(),
        null);
  }

  public ConsentKey key(int brandCode) {
    return new ConsentKey(brandCode, recipient, recipientType, type);
  }

  public boolean isFromRegistry() {
    return source != null && source.isRegistrySource();
  }
}
