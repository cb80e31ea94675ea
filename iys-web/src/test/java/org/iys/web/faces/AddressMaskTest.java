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

  @Test
  void addressesInsideFreeTextAreMaskedAndTheRestKept() {
    assertThat(
            AddressMask.maskWithin(
                "Unexpected value \"+905321112233\" near sukru@ornek.com, line 1, column 12"))
        .isEqualTo("Unexpected value \"+90********33\" near s****@ornek.com, line 1, column 12");
    assertThat(AddressMask.maskWithin("no address here, code 4005"))
        .isEqualTo("no address here, code 4005");
    assertThat(AddressMask.maskWithin(null)).isNull();
  }
}
