package org.iys.web.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.iys.domain.error.DomainException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    byte[] latin5 = "{\"name\":\"Şükrü\"}".getBytes(java.nio.charset.Charset.forName("ISO-8859-9"));

    DomainException refused =
        catchThrowableOfType(DomainException.class, () -> StrictJson.read(body(latin5), null));

    assertThat(refused.violations()).hasSize(1);
    assertThat(refused.violations().get(0).code().name()).isEqualTo("H014");
    assertThat(refused.violations().get(0).message()).contains("UTF-8");
  }

  @Test
  void aTruncatedSequenceAtTheEndIsRefusedToo() {
    byte[] bytes = {'"', 'a', (byte) 0xC5};

    DomainException refused =
        catchThrowableOfType(DomainException.class, () -> StrictJson.read(body(bytes), null));

    assertThat(refused.violations().get(0).code().name()).isEqualTo("H014");
  }

  @Test
  void turkishTextInUtf8IsReadAsSent() {
    byte[] utf8 = "{\"name\":\"Şükrü Çağlar İı\"}".getBytes(StandardCharsets.UTF_8);

    Object read = StrictJson.read(body(utf8), null);

    assertThat(read).isEqualTo(Map.of("name", "Şükrü Çağlar İı"));
  }

  @Test
  void malformedJsonKeepsItsOwnMessage() {
    byte[] broken = "{\"name\":".getBytes(StandardCharsets.UTF_8);

    DomainException refused =
        catchThrowableOfType(DomainException.class, () -> StrictJson.read(body(broken), null));

    assertThat(refused.violations().get(0).code().name()).isEqualTo("H014");
    assertThat(refused.violations().get(0).message()).doesNotContain("UTF-8");
  }

  private static ByteArrayInputStream body(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
