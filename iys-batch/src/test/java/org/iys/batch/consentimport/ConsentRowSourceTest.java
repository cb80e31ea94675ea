package org.iys.batch.consentimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.iys.application.consentfile.ConsentFileRow;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentRequestValidator;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentRowSourceTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
  private static final ConsentRequestValidator VALIDATOR =
      new ConsentRequestValidator(BusinessCalendar.bundled());

  @TempDir Path dir;

  @Test
  void anExcelExportInWindows1254WithSemicolonsAndTurkishHeadersIsRead() throws Exception {
    String text =
        "RECİPİENT;Tİpe;STATUS;source;consentDate;recipientType;Not\r\n"
            + "0532 123 45 67;MESAJ;ONAY;HS_WEB;2026-12-02 10:00:00;BIREYSEL;Şükrü Çağlar\r\n"
            + ";;;;;;\r\n"
            + "\r\n"
            + "5,32E+09;MESAJ;ONAY;HS_WEB;2026-12-02 10:00:00;BIREYSEL;\r\n";
    Path file = write(text.getBytes(ConsentFileFormat.WINDOWS_1254));

    List<RawRow> rows = readAll(file);

    assertThat(ConsentFileFormat.of(file).charset()).isEqualTo(ConsentFileFormat.WINDOWS_1254);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).lineNumber()).isEqualTo(2);
    assertThat(rows.get(0).fields()).containsEntry("Not", "Şükrü Çağlar");
    assertThat(rows.get(1).lineNumber()).isEqualTo(5);
    assertThat(rows.get(1).recordNumber()).isEqualTo(2);
  }

  @Test
  void nationalNumbersAreNormalisedWithAWarningAndScientificOnesAreRefused() throws Exception {
    Path file =
        write(
            ("\uFEFFrecipient,type,status,source,consentDate\n"
                    + "5321234567.0,MESAJ,ONAY,HS_WEB,2026-12-02 10:00:00\n"
                    + "5.32E+09,MESAJ,ONAY,HS_WEB,2026-12-02 10:00:00\n"
                    + "\"+905321234568\",ARAMA,RET,HS_WEB,2026-12-02 10:00:00")
                .getBytes(StandardCharsets.UTF_8));

    List<ConsentFileRow> judged =
        readAll(file).stream()
            .map(row -> ConsentRowProcessor.judge(row, VALIDATOR, CLOCK))
            .toList();

    assertThat(judged.get(0).change().recipient().address()).isEqualTo("+905321234567");
    assertThat(judged.get(0).warning()).contains("+905321234567");
    assertThat(judged.get(1).refusals()).extracting(v -> v.code().code()).containsExactly("IYS020");
    assertThat(judged.get(1).refusals().get(0).message()).contains("Text");
    assertThat(judged.get(2).change()).isNotNull();
    assertThat(judged.get(2).lineNumber()).isEqualTo(4);
  }

  @Test
  void theApiFieldRulesJudgeEveryRow() throws Exception {
    Path file =
        write(
            ("recipient,type,status,source,consentDate\n"
                    + "+905321234567,MESAJ,RED,HS_WEB,2026-12-02 10:00:00\n"
                    + "ali@example.com,EPOSTA,ONAY,HS_WEB,2026-12-02 10:00:00 \n")
                .getBytes(StandardCharsets.UTF_8));

    List<ConsentFileRow> judged =
        readAll(file).stream()
            .map(row -> ConsentRowProcessor.judge(row, VALIDATOR, CLOCK))
            .toList();

    assertThat(judged.get(0).refusals()).extracting(v -> v.code().code()).containsExactly("H115");
    assertThat(judged.get(1).refusals()).extracting(v -> v.code().code()).containsExactly("H158");
  }

  @Test
  void jsonLinesAreReadAsTheApiReadsItsBody() throws Exception {
    Path file =
        write(
            ("{\"recipient\":\"+905321234567\",\"type\":\"MESAJ\",\"status\":\"ONAY\","
                    + "\"source\":\"HS_WEB\",\"consentDate\":\"2026-12-02 10:00:00\","
                    + "\"retailerCode\":12345678}\n\n"
                    + "not json\n")
                .getBytes(StandardCharsets.UTF_8));

    List<RawRow> rows = readAll(file);

    ConsentFileRow first = ConsentRowProcessor.judge(rows.get(0), VALIDATOR, CLOCK);
    assertThat(first.change().retailerCode()).isEqualTo(12345678);
    assertThat(rows.get(1).lineNumber()).isEqualTo(3);
    assertThat(rows.get(1).failure()).isNotNull();
  }

  @Test
  void skippingResumesAfterTheRowsAlreadyHandedOn() throws Exception {
    var text = new ByteArrayOutputStream();
    text.writeBytes("recipient;type;status;source;consentDate\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 10; i++) {
      text.writeBytes(
          ("+90532123450" + i + ";MESAJ;ONAY;HS_WEB;2026-12-02 10:00:00\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Path file = write(text.toByteArray());

    try (ConsentRowSource source = ConsentRowSource.open(file)) {
      source.skip(7);
      assertThat(source.next().recordNumber()).isEqualTo(8);
    }
  }

  @Test
  void aLineWithBrokenQuotesIsOneRefusedRowAndTheRowsAroundItAreRead() throws Exception {
    Path file =
        write(
            ("recipient;type;status;source;consentDate\n"
                    + "+905351000011;MESAJ;ONAY;HS_WEB;2026-12-02 08:00:00\n"
                    + "\"+905351000012\"x;MESAJ;ONAY;HS_WEB;2026-12-02 08:00:00\n"
                    + "\"+905351000013\";MESAJ;\"ON;AY\";HS_WEB;2026-12-02 08:00:00\n")
                .getBytes(StandardCharsets.UTF_8));

    List<RawRow> rows = readAll(file);
    List<ConsentFileRow> judged =
        rows.stream().map(row -> ConsentRowProcessor.judge(row, VALIDATOR, CLOCK)).toList();

    assertThat(rows).extracting(RawRow::lineNumber).containsExactly(2L, 3L, 4L);
    assertThat(rows).extracting(RawRow::recordNumber).containsExactly(1L, 2L, 3L);
    assertThat(judged.get(0).change().recipient().address()).isEqualTo("+905351000011");
    assertThat(judged.get(1).change()).isNull();
    assertThat(judged.get(1).refusals()).extracting(v -> v.code().code()).containsExactly("IYS022");
    assertThat(judged.get(1).refusals().get(0).message()).contains("quotes are unbalanced");
    // A quoted delimiter stays inside its field rather than splitting the line.
    assertThat(rows.get(2).fields()).containsEntry("status", "ON;AY");
    assertThat(rows.get(2).fields()).containsEntry("recipient", "+905351000013");
  }

  @Test
  void resumingSkipsTheRefusedRowByItsRecordNumber() throws Exception {
    Path file =
        write(
            ("recipient;type;status;source;consentDate\n"
                    + "+905351000011;MESAJ;ONAY;HS_WEB;2026-12-02 08:00:00\n"
                    + "\"+905351000012\"x;MESAJ;ONAY;HS_WEB;2026-12-02 08:00:00\n"
                    + "+905351000013;MESAJ;ONAY;HS_WEB;2026-12-02 08:00:00")
                .getBytes(StandardCharsets.UTF_8));

    try (ConsentRowSource source = ConsentRowSource.open(file)) {
      source.skip(2);
      RawRow row = source.next();
      assertThat(row.lineNumber()).isEqualTo(4);
      assertThat(row.fields()).containsEntry("recipient", "+905351000013");
      assertThat(source.next()).isNull();
    }
  }

  @Test
  void aCsvFileWhoseHeaderLacksTheNeededColumnsIsRefusedOnceForTheWholeFile() throws Exception {
    Path noHeader =
        write(
            ("+905321234567;MESAJ;ONAY;HS_WEB;2026-12-02 10:00:00\n"
                    + "+905321234568;MESAJ;ONAY;HS_WEB;2026-12-02 10:00:00\n")
                .getBytes(StandardCharsets.UTF_8));
    Path turkishNames =
        write("alıcı;tip;durum\n+905321234567;MESAJ;ONAY\n".getBytes(StandardCharsets.UTF_8));

    DomainException refused =
        catchThrowableOfType(DomainException.class, () -> ConsentRowSource.requireHeader(noHeader));
    DomainException alsoRefused =
        catchThrowableOfType(
            DomainException.class, () -> ConsentRowSource.requireHeader(turkishNames));

    assertThat(refused.violations()).hasSize(1);
    assertThat(refused.violations().get(0).code()).isEqualTo(ErrorCode.IYS016);
    assertThat(refused.violations().get(0).message())
        .contains("recipient, type, status")
        .contains("Missing: recipient, type, status")
        .doesNotContain("905321234567");
    assertThat(alsoRefused.violations().get(0).code()).isEqualTo(ErrorCode.IYS016);
  }

  @Test
  void headersInAnyCaseAndJsonLinesPassTheHeaderCheck() throws Exception {
    Path excel =
        write(
            "RECİPİENT;Type;STATUS;Not\r\n0532 123 45 67;MESAJ;ONAY;x\r\n"
                .getBytes(ConsentFileFormat.WINDOWS_1254));
    Path jsonLines =
        write(
            "{\"recipient\":\"+905321234567\",\"type\":\"MESAJ\",\"status\":\"ONAY\"}\n"
                .getBytes(StandardCharsets.UTF_8));

    ConsentRowSource.requireHeader(excel);
    ConsentRowSource.requireHeader(jsonLines);
  }

  private Path write(byte[] bytes) throws Exception {
    Path file = Files.createTempFile(dir, "consents", ".csv");
    Files.write(file, bytes);
    return file;
  }

  private static List<RawRow> readAll(Path file) throws Exception {
    List<RawRow> rows = new ArrayList<>();
    try (ConsentRowSource source = ConsentRowSource.open(file)) {
      for (RawRow row = source.next(); row != null; row = source.next()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
