package org.iys.batch.consentimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a consent file is written, found from its bytes: the character set (UTF-8 with or without a
 * byte order mark, otherwise Windows-1254, the Turkish Windows code page Excel uses), whether it is
 * CSV or JSON lines, and the CSV delimiter.
 *
 * <p>A file that decodes as strict UTF-8 all the way through is UTF-8: Windows-1254 text with any
 * Turkish letter in it almost never does, and plain ASCII reads the same either way.
 */
public record ConsentFileFormat(Charset charset, boolean bom, boolean jsonLines, char delimiter) {

  public static final Charset WINDOWS_1254 = Charset.forName("windows-1254");

  private static final int BOM_LENGTH = 3;

  public static ConsentFileFormat of(Path file) throws IOException {
    boolean bom = startsWithBom(file);
    Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1254;
    String firstLine = firstLine(file, charset, bom && charset == StandardCharsets.UTF_8);
    boolean json = firstLine.startsWith("{");
    char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
    return new ConsentFileFormat(
        charset, bom && charset == StandardCharsets.UTF_8, json, delimiter);
  }

  /** The file's text, decoded, past any byte order mark. */
  public Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (bom) {
      in.skipNBytes(BOM_LENGTH);
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStreamReader(in, decoder);
  }

  private static boolean startsWithBom(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(BOM_LENGTH);
      return head.length == BOM_LENGTH
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF;
    }
  }

  private static boolean isUtf8(Path file) throws IOException {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] buffer = new char[64 * 1024];
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
      while (reader.read(buffer) >= 0) {
        // decoding is the check
      }
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  private static String firstLine(Path file, Charset charset, boolean bom) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (bom) {
        in.skipNBytes(BOM_LENGTH);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
      return "";
    }
  }

  private static long count(String text, char wanted) {
    return text.chars().filter(c -> c == wanted).count();
  }
}
