package org.iys.web.rest.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.iys.application.access.TokenRefusal;

/**
 * Reads an {@code application/x-www-form-urlencoded} token request strictly. The runtime's own form
 * reader turns a broken percent escape into a server-side failure and bytes that are not UTF-8 into
 * U+FFFD; here both are the client's {@code invalid_request}, in OAuth's own shape.
 */
final class TokenForm {

  /** A token request is a few short fields; a larger body is not one. */
  static final int MAX_BYTES = 16 * 1024;

  private TokenForm() {}

  /** The fields, the first value of a repeated name winning as with the runtime's reader. */
  static Map<String, String> read(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException gone) {
      throw refused("The request body could not be read.");
    }
    if (bytes.length > MAX_BYTES) {
      throw refused("The request body is too large for a token request.");
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  // ISO-8859-1 maps each byte to one char, so raw non-ASCII bytes survive to the strict decode.
  static Map<String, String> parse(String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= encoded.length()
            || !HexFormat.isHexDigit(encoded.charAt(i + 1))
            || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
          throw refused("The form body has a broken percent escape; encode it as a URL form.");
        }
        bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw refused("The form body is not valid UTF-8.");
    }
  }

  private static TokenRefusal refused(String description) {
    return new TokenRefusal(TokenRefusal.INVALID_REQUEST, description);
  }
}
