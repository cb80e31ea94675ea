package org.iys.domain.consent;

import java.util.Objects;

/**
 * What one consent is about: a brand, an address, the kind of recipient and the channel. Each key
 * has exactly one current state and its own history of movements.
 */
public record ConsentKey(
    int brandCode, Recipient recipient, RecipientType recipientType, ConsentType type) {

  public ConsentKey {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(recipientType, "recipientType");
    Objects.requireNonNull(type, "type");
  }
}
