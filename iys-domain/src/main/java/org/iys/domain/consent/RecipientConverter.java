package org.iys.domain.consent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a recipient as its canonical address. */
@Converter
public class RecipientConverter implements AttributeConverter<Recipient, String> {

  @Override
  public String convertToDatabaseColumn(Recipient recipient) {
    return recipient == null ? null : recipient.address();
  }

  @Override
  public Recipient convertToEntityAttribute(String address) {
    return address == null ? null : Recipient.stored(address);
  }
}
