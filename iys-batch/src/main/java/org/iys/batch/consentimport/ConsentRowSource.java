package org.iys.batch.consentimport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The data rows of a consent file, read one at a time so that a file of any size passes through a
 * small, fixed amount of memory. Blank lines (and CSV lines of empty cells, which Excel writes for
 * rows it once formatted) are not rows.
 *
 * <p>CSV columns are named by a header; names match the API's field names without regard to case,
 * spaces, underscores or the Turkish dotted and dotless i, so {@code RECİPİENT TYPE} and {@code
 * recipientType} are the same column. A column with any other name is passed on as a field of that
 * name, and the field rules report it as unknown.
 */
public final class ConsentRowSource implements Closeable {

  private static final List<String> FIELDS =
      List.of(
          "recipient",
          "type",
          "status",
          "source",
          "consentDate",
          "recipientType",
          "retailerCode",
          "evidenceReference");

  /** The columns every row needs: a CSV header without them describes some other file. */
  private static final List<String> REQUIRED_COLUMNS = List.of("recipient", "type", "status");

  static final String UNBALANCED =
      "The line could not be read as CSV: its quotes are unbalanced or text follows a closing"
          + " quote.";

  private final CountingReader text;
  private final Iterator<RawRow> rows;
  private final Closeable underlying;
  private long recordNumber;

  private ConsentRowSource(CountingReader text, Iterator<RawRow> rows, Closeable underlying) {
    this.text = text;
    this.rows = rows;
    this.underlying = underlying;
  }

  public static ConsentRowSource open(Path file) throws IOException {
    ConsentFileFormat format = ConsentFileFormat.of(file);
    CountingReader text = new CountingReader(format.open(file));
    return format.jsonLines() ? jsonLines(text) : csv(text, format.delimiter());
  }

  /**
   * Refuses, once for the whole file, a CSV file whose first line does not name the columns every
   * row needs: without a recognisable header each row would be refused on its own for fields it
   * seems to lack, and the sender would have to work out from thousands of refusals that the header
   * was the fault. JSON lines name their fields in every row and pass.
   *
   * @throws DomainException IYS016 naming the expected and the missing columns
   */
  public static void requireHeader(Path file) throws IOException {
    ConsentFileFormat format = ConsentFileFormat.of(file);
    if (format.jsonLines()) {
      return;
    }
    String header;
    try (BufferedReader lines = new BufferedReader(format.open(file))) {
      header = lines.readLine();
    }
    List<String> names = columnNames(header, format.delimiter());
    List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !names.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new DomainException(
          Violation.of(ErrorCode.IYS016)
              .withMessage(
                  "The first line of a CSV consent file must name its columns: "
                      + String.join(", ", REQUIRED_COLUMNS)
                      + " always, then any of "
                      + String.join(", ", FIELDS.subList(REQUIRED_COLUMNS.size(), FIELDS.size()))
                      + ". Missing: "
                      + String.join(", ", missing)
                      + ". The file was not imported."));
    }
  }

  private static List<String> columnNames(String header, char delimiter) {
    if (header == null) {
      return List.of();
    }
    try {
      return cells(header, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()).stream()
          .map(ConsentRowSource::fieldName)
          .toList();
    } catch (IOException unbalanced) {
      return List.of();
    }
  }

  /** The next row, or null at the end of the file. */
  public RawRow next() {
    return rows.hasNext() ? rows.next() : null;
  }

  /** Passes over rows already handed on by an earlier run of the same import. */
  public void skip(long count) {
    for (long i = 0; i < count && rows.hasNext(); i++) {
      rows.next();
    }
  }

  @Override
  public void close() throws IOException {
    underlying.close();
  }

  /**
   * Each physical line is parsed on its own, so a line whose quotes the parser cannot make sense of
   * becomes one refused row and the lines around it are read as usual; only a fault in reading the
   * file itself ends the import. The price is that a quoted field spanning several lines, which CSV
   * allows but which no consent field needs, is refused as unreadable, and each of its continuation
   * lines is judged as a row of its own.
   */
  private static ConsentRowSource csv(CountingReader text, char delimiter) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    BufferedReader lines = new BufferedReader(text);
    String header = lines.readLine();
    List<String> names =
        header == null
            ? List.of()
            : cells(header, format).stream().map(ConsentRowSource::fieldName).toList();
    ConsentRowSource[] self = new ConsentRowSource[1];
    Iterator<RawRow> rows =
        new Iterator<>() {
          private RawRow pending;
          private long lineNumber = header == null ? 0 : 1;
          private boolean ended = header == null;

          @Override
          public boolean hasNext() {
            while (pending == null && !ended) {
              String line = readLine(lines);
              if (line == null) {
                ended = true;
              } else {
                lineNumber++;
                pending = csvRow(line, lineNumber, names, format, self[0]);
              }
            }
            return pending != null;
          }

          @Override
          public RawRow next() {
            hasNext();
            RawRow row = pending;
            pending = null;
            return row;
          }
        };
    self[0] = new ConsentRowSource(text, rows, lines);
    return self[0];
  }

  // Null for a line that is not a row: blank, or only empty cells.
  private static RawRow csvRow(
      String line, long number, List<String> names, CSVFormat format, ConsentRowSource self) {
    if (line.isBlank()) {
      return null;
    }
    List<String> cells;
    try {
      cells = cells(line, format);
    } catch (IOException e) {
      // The line is a string in memory, so this is the line's own fault and never an I/O fault.
      return new RawRow(number, ++self.recordNumber, Map.of(), UNBALANCED, self.text.count);
    }
    Map<String, Object> fields = csvFields(names, cells);
    if (fields.isEmpty() && cells.stream().allMatch(String::isBlank)) {
      return null;
    }
    return new RawRow(number, ++self.recordNumber, fields, null, self.text.count);
  }

  private static List<String> cells(String line, CSVFormat format) throws IOException {
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(line)).setFormat(format).get()) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of() : records.get(0).toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static ConsentRowSource jsonLines(CountingReader text) {
    BufferedReader lines = new BufferedReader(text);
    ConsentRowSource[] self = new ConsentRowSource[1];
    Iterator<RawRow> rows =
        new Iterator<>() {
          private RawRow pending;
          private long lineNumber;
          private boolean ended;

          @Override
          public boolean hasNext() {
            while (pending == null && !ended) {
              String line = readLine(lines);
              if (line == null) {
                ended = true;
              } else {
                lineNumber++;
                if (!line.isBlank()) {
                  pending = jsonRow(line, lineNumber, ++self[0].recordNumber, self[0].text.count);
                }
              }
            }
            return pending != null;
          }

          @Override
          public RawRow next() {
            hasNext();
            RawRow row = pending;
            pending = null;
            return row;
          }
        };
    self[0] = new ConsentRowSource(text, rows, lines);
    return self[0];
  }

  private static RawRow jsonRow(String line, long number, long record, long chars) {
    try (var reader = Json.createReader(new StringReader(line))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        object.forEach((name, field) -> fields.put(name, plain(field)));
        return new RawRow(number, record, fields, null, chars);
      }
      return new RawRow(number, record, Map.of(), "The line is not a JSON object.", chars);
    } catch (JsonParsingException e) {
      return new RawRow(number, record, Map.of(), "The line is not valid JSON.", chars);
    }
  }

  // The plain values the field rules read: the same shapes the REST API's JSON parser delivers.
  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        ((JsonArray) value).forEach(item -> items.add(plain(item)));
        yield items;
      }
      case OBJECT -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        ((JsonObject) value).forEach((name, field) -> fields.put(name, plain(field)));
        yield fields;
      }
    };
  }

  // CSV has no types: an empty cell is an absent field, and a retailer code is a number.
  private static Map<String, Object> csvFields(List<String> names, List<String> cells) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(names.size(), cells.size()); i++) {
      String value = cells.get(i);
      String name = names.get(i);
      if (value.isEmpty() || name.isEmpty()) {
        continue;
      }
      boolean number = "retailerCode".equals(name) && value.matches("[0-9]{1,9}");
      fields.put(name, number ? Long.valueOf(value) : value);
    }
    return fields;
  }

  static String fieldName(String header) {
    String folded =
        header
            .replace("\uFEFF", "")
            .replace('İ', 'i')
            .replace('ı', 'i')
            .replace('I', 'i')
            .toLowerCase(Locale.ROOT)
            .replaceAll("[\\s_\\-]", "");
    return FIELDS.stream()
        .filter(field -> field.toLowerCase(Locale.ROOT).equals(folded))
        .findFirst()
        .orElse(header.strip());
  }

  private static String readLine(BufferedReader lines) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Counts the characters handed to the parser, for the progress estimate. */
  private static final class CountingReader extends FilterReader {
    private long count;

    CountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count++;
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
