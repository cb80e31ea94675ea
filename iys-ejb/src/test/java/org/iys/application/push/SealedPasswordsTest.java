package org.iys.application.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealedPasswordsTest {

  private static final byte[] REGISTRY_KEY = new byte[32];
  private static final byte[] CONFIGURED_KEY = new byte[16];

  static {
    for (int i = 0; i < 32; i++) {
      REGISTRY_KEY[i] = (byte) i;
    }
    for (int i = 0; i < 16; i++) {
      CONFIGURED_KEY[i] = (byte) (100 + i);
    }
  }

  private static byte[] keys(char id) {
    return id == 'r' ? REGISTRY_KEY : id == 'c' ? CONFIGURED_KEY : null;
  }

  @Test
  void sealsWithAFreshNonceAndOpensWithTheKeyItNames() {
    var registry = SealedPasswords.sealingKey(Optional.empty(), name -> REGISTRY_KEY);
    String once = SealedPasswords.seal(registry, "Şifre:ğüış 1");
    String twice = SealedPasswords.seal(registry, "Şifre:ğüış 1");

    assertThat(once).startsWith("gcm1:r:").isNotEqualTo(twice).doesNotContain("Şifre");
    assertThat(SealedPasswords.looksSealed(once)).isTrue();
    assertThat(SealedPasswords.looksSealed("Şifre:ğüış 1")).isFalse();
    assertThat(SealedPasswords.looksSealed("gcm1:r:short")).isFalse();
    assertThat(SealedPasswords.open(once, SealedPasswordsTest::keys)).isEqualTo("Şifre:ğüış 1");
    assertThat(SealedPasswords.open(twice, SealedPasswordsTest::keys)).isEqualTo("Şifre:ğüış 1");

    var configured =
        SealedPasswords.sealingKey(
            Optional.of(Base64.getEncoder().encodeToString(CONFIGURED_KEY)),
            name -> {
              throw new AssertionError("the registry key is not needed");
            });
    String sealed = SealedPasswords.seal(configured, "p");
    assertThat(sealed).startsWith("gcm1:c:");
    assertThat(SealedPasswords.open(sealed, SealedPasswordsTest::keys)).isEqualTo("p");
  }

  @Test
  void refusesAlteredPlainAndOrphanedValues() {
    var registry = SealedPasswords.sealingKey(Optional.empty(), name -> REGISTRY_KEY);
    String sealed = SealedPasswords.seal(registry, "secret");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring("gcm1:r:".length()));
    bytes[bytes.length / 2] ^= 1;
    String altered = "gcm1:r:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> SealedPasswords.open(altered, SealedPasswordsTest::keys))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SealedPasswords.open("secret", SealedPasswordsTest::keys))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SealedPasswords.open(sealed, id -> null))
        .hasMessageContaining("not available");
    assertThatThrownBy(() -> SealedPasswords.sealingKey(Optional.of("c2hvcnQ="), name -> null))
        .hasMessageContaining(SealedPasswords.KEY_PROPERTY);
  }
}
