package org.iys.web.faces.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentSearchBackingTest {

  @Test
  void aPhoneNumberKeepsOnlyItsCountryPrefixAndLastTwoDigits() {
    assertThat(ConsentSearchBacking.mask("+905321112233")).isEqualTo("+90********33");
  }

  @Test
  void anEmailAddressKeepsItsFirstLetterAndDomain() {
    assertThat(ConsentSearchBacking.mask("sukru@ornek.com")).isEqualTo("s****@ornek.com");
  }

  @Test
  void aVeryShortAddressIsMaskedWhole() {
    assertThat(ConsentSearchBacking.mask("a@b")).isEqualTo("a*@b");
    assertThat(ConsentSearchBacking.mask("12345")).isEqualTo("*****");
  }
}
