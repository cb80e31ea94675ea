package org.iys.web.rest.consentfile;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The name a business gives an uploaded file. HTTP header values are ASCII: the server refuses a
 * request whose {@code X-File-Name} holds raw UTF-8 (a Turkish name such as {@code
 * müşteri-izinleri.csv}) before the application sees it. So the name may come percent-encoded,
 * either as the {@code fileName} query parameter or in the header, and is decoded here as UTF-8.
 */
public final class FileNames {

  private static final Pattern UTF8_ESCAPE = Pattern.compile("%[89A-Fa-f][0-9A-Fa-f]");

  private FileNames() {}

  /** The query parameter when given, else the header; null when neither is. */
  public static String given(String queryName, String headerName) {
    if (queryName != null && !queryName.isBlank()) {
      // The runtime has already decoded query parameters.
      return queryName.strip();
    }
    if (headerName == null || headerName.isBlank()) {
      return null;
    }
    return decoded(headerName.strip());
  }

  // Encoding is only needed for characters beyond ASCII, so a header is decoded only when it
  // holds an escaped byte of a multi-byte UTF-8 character: "indirim %50.csv" stays as it is. A '+'
  // is part of a file name here, not an encoded space; text that is not valid UTF-8 once decoded
  // is kept as it was sent.
  static String decoded(String header) {
    if (!UTF8_ESCAPE.matcher(header).find()) {
      return header;
    }
    try {
      String decoded = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
      return decoded.indexOf('\uFFFD') >= 0 ? header : decoded;
    } catch (IllegalArgumentException notEncoded) {
      return header;
    }
  }
}
