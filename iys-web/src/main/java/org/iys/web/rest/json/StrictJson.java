package org.iys.web.rest.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Reads a request body into plain values ({@code Map}, {@code List}, {@code String}, {@code
 * BigDecimal}, {@code Boolean}, null) for the domain's request readers, refusing what a lenient
 * binder would let through: malformed JSON, bytes that are not UTF-8 and a repeated field (H014), a
 * body over the size limit (IYS006, read no further than the limit) and nesting deeper than any
 * consent request needs (IYS007, refused while streaming, before anything deep is built).
 */
public final class StrictJson {

  /** Enough for 1000 consents with retailer lists; anything larger is not a consent request. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  /** A bulk list of consents with a retailer list nests three deep; 16 leaves room. */
  public static final int MAX_DEPTH = 16;

  private static final long DRAIN_BYTES = 64L * 1024 * 1024;

  // Json.createParser looks the provider up through the service loader on every call, which cost
  // more than parsing a consent; the factory is thread-safe and found once.
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private StrictJson() {}

  public static Object read(InputStream body, Long declaredLength) {
    if (declaredLength != null && declaredLength > MAX_BYTES) {
      drain(body);
      throw new DomainException(Violation.of(ErrorCode.IYS006));
    }
    try (JsonParser parser = PARSERS.createParser(utf8(new Limited(body, MAX_BYTES)))) {
      if (!parser.hasNext()) {
        throw malformed();
      }
      Object value = value(parser, parser.next(), 1);
      if (parser.hasNext()) {
        throw malformed();
      }
      return value;
    } catch (JsonParsingException | NoSuchElementException | IllegalStateException e) {
      if (notUtf8(e)) {
        drain(body);
        throw notUtf8();
      }
      throw malformed();
    } catch (JsonException e) {
      if (tooLarge(e)) {
        drain(body);
        throw new DomainException(Violation.of(ErrorCode.IYS006));
      }
      if (notUtf8(e)) {
        drain(body);
        throw notUtf8();
      }
      throw malformed();
    }
  }

  /**
   * The body as text, refusing any byte sequence that is not UTF-8. The parser's own decoding would
   * put U+FFFD in place of such bytes, and a name or address would then be stored with characters
   * the sender never wrote. JSON exchanged between systems is UTF-8 (RFC 8259), so no other
   * encoding is guessed at.
   */
  public static Reader utf8(InputStream body) {
    return new InputStreamReader(
        body,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Whether a parser's failure came from bytes that are not UTF-8. */
  public static boolean notUtf8(Throwable failure) {
    return causedBy(failure, CharacterCodingException.class);
  }

  /** The refusal of a body that is not UTF-8: the code of an unreadable body, said plainly. */
  public static DomainException notUtf8() {
    return new DomainException(
        Violation.of(ErrorCode.H014)
            .withMessage("The request body is not valid UTF-8; JSON must be sent as UTF-8."));
  }

  /** A body that must be a JSON object; anything else is refused with the given code. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object value, ErrorCode notAnObject) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new DomainException(Violation.of(notAnObject));
  }

  private static Object value(JsonParser parser, JsonParser.Event event, int depth) {
    switch (event) {
      case START_OBJECT:
        return object(parser, depth);
      case START_ARRAY:
        return array(parser, depth);
      case VALUE_STRING:
        return parser.getString();
      case VALUE_NUMBER:
        return parser.getBigDecimal();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw malformed();
    }
  }

  private static Map<String, Object> object(JsonParser parser, int depth) {
    requireDepth(depth);
    Map<String, Object> object = new LinkedHashMap<>();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        return object;
      }
      String name = parser.getString();
      if (object.containsKey(name)) {
        throw new DomainException(
            Violation.of(ErrorCode.H014, name, null)
                .withMessage("The request body names the field " + name + " twice."));
      }
      object.put(name, value(parser, parser.next(), depth + 1));
    }
  }

  private static List<Object> array(JsonParser parser, int depth) {
    requireDepth(depth);
    List<Object> array = new ArrayList<>();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_ARRAY) {
        return array;
      }
      array.add(value(parser, event, depth + 1));
    }
  }

  private static void requireDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new DomainException(Violation.of(ErrorCode.IYS007));
    }
  }

  // A client blocks sending a body nobody reads and never sees the refusal; so a refused body is
  // read to its end, up to a bound beyond which the connection is not worth keeping anyway.
  private static void drain(InputStream body) {
    byte[] sink = new byte[64 * 1024];
    long left = DRAIN_BYTES;
    try {
      int n;
      while (left > 0 && (n = body.read(sink)) > 0) {
        left -= n;
      }
    } catch (IOException gone) {
      // the client went away; the refusal stands
    }
  }

  private static DomainException malformed() {
    return new DomainException(Violation.of(ErrorCode.H014));
  }

  private static boolean tooLarge(Throwable e) {
    return causedBy(e, TooLarge.class);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    Deque<Throwable> seen = new ArrayDeque<>();
    for (Throwable cause = e; cause != null && !seen.contains(cause); cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
      seen.push(cause);
    }
    return false;
  }

  /** Signals that the body went past the limit; nothing beyond it is read. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static final class Limited extends FilterInputStream {
    private long remaining;

    Limited(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        remaining -= n;
        if (remaining < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }
  }
}
