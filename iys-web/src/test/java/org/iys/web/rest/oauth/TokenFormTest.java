package org.iys.web.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.iys.application.access.TokenRefusal;
import org.junit.jupiter.api.Test;

class TokenFormTest {

  @Test
  void fieldsAreDecodedAndTheFirstOfARepeatedNameWins() {
    var fields = TokenForm.parse("grant_type=password&username=%C5%9Fule+k&password=a%26b&x&x=2");

    assertThat(fields)
        .containsEntry("grant_type", "password")
        .containsEntry("username", "şule k")
        .containsEntry("password", "a&b")
        .containsEntry("x", "");
  }

  @Test
  void aBrokenPercentEscapeIsAnInvalidRequest() {
    TokenRefusal refused =
        catchThrowableOfType(TokenRefusal.class, () -> TokenForm.parse("grant_type=pass%ZZword"));

    assertThat(refused.error()).isEqualTo("invalid_request");
    assertThat(refused.description()).contains("percent");
    assertThat(catchThrowableOfType(TokenRefusal.class, () -> TokenForm.parse("a=%4"))).isNotNull();
  }

  @Test
  void bytesThatAreNotUtf8AreAnInvalidRequest() {
    TokenRefusal escaped =
        catchThrowableOfType(TokenRefusal.class, () -> TokenForm.parse("username=%FE%FF"));
    byte[] raw = "username=\u015fule".getBytes(java.nio.charset.Charset.forName("ISO-8859-9"));
    TokenRefusal sentRaw =
        catchThrowableOfType(
            TokenRefusal.class, () -> TokenForm.read(new ByteArrayInputStream(raw)));

    assertThat(escaped.description()).contains("UTF-8");
    assertThat(sentRaw.description()).contains("UTF-8");
  }

  @Test
  void aBodyFarLargerThanATokenRequestIsRefused() {
    byte[] huge = "a=".concat("b".repeat(TokenForm.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);

    TokenRefusal refused =
        catchThrowableOfType(
            TokenRefusal.class, () -> TokenForm.read(new ByteArrayInputStream(huge)));

    assertThat(refused.error()).isEqualTo("invalid_request");
  }
}
