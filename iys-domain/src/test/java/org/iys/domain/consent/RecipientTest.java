package org.iys.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

  @Test
  void mobileAndLandlineNumbersInE164AreKeptAsGiven() {
    assertThat(Recipient.forType(ConsentType.MESAJ, "+905321234567").address())
        .isEqualTo("+905321234567");
    assertThat(Recipient.forType(ConsentType.ARAMA, "+902121234567").isPhoneNumber()).isTrue();
  }

  @Test
  void turkishNumbersAreJudgedExactlyAsTheParserJudgesThem() {
    Random random = new Random(42);
    int compared = 0;
    for (int prefix = 1; prefix <= 9999; prefix++) {
      for (int length = String.valueOf(prefix).length(); length <= 12; length++) {
        for (int sample = 0; sample < 3; sample++) {
          StringBuilder text = new StringBuilder("+90").append(prefix);
          while (text.length() < 3 + length) {
            text.append(random.nextInt(10));
          }
          String number = text.toString();
          assertThat(Recipient.isPhoneNumber(number))
              .as(number)
              .isEqualTo(Recipient.isPhoneNumberByParsing(number));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(200_000);
  }

  @Test
  void foreignNumbersAreJudgedWithoutADefaultRegion() {
    assertThat(Recipient.phone("+4915123456789").address()).isEqualTo("+4915123456789");
    assertThat(Recipient.phone("+390612345678").address()).isEqualTo("+390612345678");
  }

  @ParameterizedTest
  @ValueSource(strings = {"05321234567", "905321234567", "+9005321234567", "+90532123456", ""})
  void anythingButCanonicalE164IsRefusedAsABadPhone(String text) {
    assertRefused(() -> Recipient.phone(text), ErrorCode.H121);
  }

  @Test
  void aNumberLongerThan15CharactersIsAlsoReportedAsTooLong() {
    assertRefused(() -> Recipient.phone("9055436100000000"), ErrorCode.H121, ErrorCode.H160);
  }

  @Test
  void eMailAddressesAreStoredInLowerCaseWhateverTheDefaultLocale() {
    assertThat(Recipient.email("ALI.VELI@EXAMPLE.COM").address()).isEqualTo("ali.veli@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b",
        "örnek@mail.com",
        "ali veli@mail.com",
        "ali@mail.com ",
        "ali@@mail.com",
        "ali@mail",
        ".ali@mail.com",
        "ali@-mail.com",
        "ali@mail.c0m"
      })
  void malformedEmailAddressesAreRefused(String text) {
    assertRefused(() -> Recipient.email(text), ErrorCode.H120);
  }

  @Test
  void anEmailAddressForAPhoneChannelIsATypeMismatch() {
    assertRefused(() -> Recipient.forType(ConsentType.MESAJ, "test@gmail.com"), ErrorCode.H464);
  }

  @Test
  void aPhoneNumberForEmailIsNotAnEmailAddress() {
    assertRefused(() -> Recipient.forType(ConsentType.EPOSTA, "+905321234567"), ErrorCode.H120);
  }

  @Test
  void withoutATypeEitherKindOfAddressIsAcceptedButNothingElse() {
    assertThat(Recipient.any("A@Mail.com").address()).isEqualTo("a@mail.com");
    assertRefused(() -> Recipient.any("hello"), ErrorCode.H122);
  }

  @Test
  void toStringMasksTheAddress() {
    assertThat(Recipient.phone("+905321234567").toString()).isEqualTo("**********567");
  }

  private static void assertRefused(Runnable attempt, ErrorCode... codes) {
    assertThatThrownBy(attempt::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.violations()).extracting(v -> v.code()).containsExactly(codes));
  }
}
