package org.iys.domain.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MovementChainTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  private static String file(String... lines) {
    return DailyMovementCsv.HEADER + String.join("", lines);
  }

  private static String row(String transactionId, String status) {
    return DailyMovementCsv.line(
        "2026-03-01 10:00:00",
        transactionId,
        "+905321112233",
        "BIREYSEL",
        "MESAJ",
        status,
        "2026-03-01 09:00:00",
        "HS_WEB");
  }

  private static String hash(String text) {
    return MovementChain.fileHash(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFileHashIsTheLowerCaseHexSha384OfTheBytes() {
    // SHA-384 of the empty input, a published test vector.
    assertThat(MovementChain.fileHash(new byte[0]))
        .isEqualTo(
            "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
                + "274edebfe76f65fbd51ad2f14898b95b");
  }

  @Test
  void aLinkDependsOnThePreviousHashTheDayAndTheFile() {
    String fileHash = hash(file(row("a".repeat(64), "ONAY")));
    String link = MovementChain.link(MovementChain.GENESIS, DAY, fileHash);

    assertThat(link).matches("[0-9a-f]{96}");
    assertThat(MovementChain.link(MovementChain.GENESIS, DAY, fileHash)).isEqualTo(link);
    assertThat(MovementChain.link(link, DAY, fileHash)).isNotEqualTo(link);
    assertThat(MovementChain.link(MovementChain.GENESIS, DAY.plusDays(1), fileHash))
        .isNotEqualTo(link);
  }

  @Test
  void rewritingAnEarlierDayChangesEveryLaterChainHash() {
    String day1 = hash(file(row("a".repeat(64), "ONAY")));
    String day2 = hash(file(row("b".repeat(64), "RET")));
    String day3 = hash(file());
    String honest =
        MovementChain.link(
            MovementChain.link(
                MovementChain.link(MovementChain.GENESIS, DAY, day1), DAY.plusDays(1), day2),
            DAY.plusDays(2),
            day3);

    String rewrittenDay1 = hash(file(row("a".repeat(64), "RET")));
    String forged =
        MovementChain.link(
            MovementChain.link(
                MovementChain.link(MovementChain.GENESIS, DAY, rewrittenDay1),
                DAY.plusDays(1),
                day2),
            DAY.plusDays(2),
            day3);

    assertThat(forged).isNotEqualTo(honest);
  }

  @Test
  void onlyLowerCaseHexHashesAreLinked() {
    String upper = "A".repeat(96);
    assertThatThrownBy(() -> MovementChain.link(upper, DAY, MovementChain.GENESIS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MovementChain.link(MovementChain.GENESIS, DAY, "00"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuotedAndAbsentOnesLeftEmpty() {
    String line =
        DailyMovementCsv.line("d", "t", "a,b@c.com", "TACIR", "EPOSTA", "ONAY", null, "x\"y");
    assertThat(line).isEqualTo("d,t,\"a,b@c.com\",TACIR,EPOSTA,ONAY,,\"x\"\"y\"\n");
  }
}
