package org.iys.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMaskTest {

  @Test
  void aPhoneNumberKeepsOnlyItsCountryPrefixAndLastTwoDigits() {
    assertThat(AddressMask.mask("+905321112233")).isEqualTo("+90********33");
  }

  @Test
  void anEmailAddressKeepsItsFirstLetterAndDomain() {
    assertThat(AddressMask.mask("sukru@ornek.com")).isEqualTo("s****@ornek.com");
  }

  @Test
  void aVeryShortAddressIsMaskedWhole() {
    assertThat(AddressMask.mask("a@b")).isEqualTo("a*@b");
    assertThat(AddressMask.mask("12345")).isEqualTo("*****");
  }
}
