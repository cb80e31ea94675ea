package org.iys.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.RecipientType;
import org.junit.jupiter.api.Test;

class ComplaintJudgeTest {

  private static final BusinessCalendar CALENDAR = BusinessCalendar.bundled();

  // Monday 2026-11-02, 10:00 in Turkey.
  private static final Instant RET_GIVEN = Instant.parse("2026-11-02T07:00:00Z");

  private final ComplaintJudge judge = new ComplaintJudge();

  @Test
  void noMovementAtAllIsAViolationWithoutEvidence() {
    var judgement = judge.judge(RET_GIVEN, List.of());

    assertThat(judgement.ground()).isEqualTo(Ground.NO_CONSENT);
    assertThat(judgement.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(judgement.evidence()).isEmpty();
  }

  @Test
  void aConsentInForceClearsTheBrandAndIsTheEvidence() {
    var onay = movement("a", RecipientType.BIREYSEL, ConsentStatus.ONAY, days(-5));

    var judgement = judge.judge(RET_GIVEN, List.of(onay));

    assertThat(judgement.ground()).isEqualTo(Ground.CONSENT_IN_FORCE);
    assertThat(judgement.evidence()).containsExactly("a");
  }

  @Test
  void aMessageOnTheThirdBusinessDayAfterARejectionIsInsideTheWindow() {
    var onay = movement("a", RecipientType.BIREYSEL, ConsentStatus.ONAY, days(-30));
    var ret = movement("b", RecipientType.BIREYSEL, ConsentStatus.RET, RET_GIVEN);

    // Thursday 23:00 in Turkey: the third business day after Monday has not ended yet.
    var judgement = judge.judge(Instant.parse("2026-11-05T20:00:00Z"), List.of(onay, ret));

    assertThat(judgement.ground()).isEqualTo(Ground.WITHIN_STOP_WINDOW);
    assertThat(judgement.verdict()).isEqualTo(Verdict.NO_VIOLATION);
    assertThat(judgement.evidence()).containsExactly("b");
  }

  @Test
  void aMessageAfterTheWindowIsAViolation() {
    var ret = movement("b", RecipientType.BIREYSEL, ConsentStatus.RET, RET_GIVEN);

    var judgement = judge.judge(Instant.parse("2026-11-05T21:00:00Z"), List.of(ret));

    assertThat(judgement.ground()).isEqualTo(Ground.SENT_AFTER_STOP_WINDOW);
    assertThat(judgement.evidence()).containsExactly("b");
  }

  @Test
  void aMerchantThatNeverRejectedClearsTheBrand() {
    var tacir = movement("t", RecipientType.TACIR, ConsentStatus.ONAY, days(-1));

    assertThat(judge.judge(RET_GIVEN, List.of(tacir)).ground())
        .isEqualTo(Ground.MERCHANT_NOT_REJECTED);
  }

  @Test
  void movementsRecordedAfterTheMessageArrivedDoNotCount() {
    var lateOnay = movement("late", RecipientType.BIREYSEL, ConsentStatus.ONAY, days(1));

    assertThat(judge.judge(RET_GIVEN, List.of(lateOnay)).ground()).isEqualTo(Ground.NO_CONSENT);
  }

  private static Instant days(int offset) {
    return RET_GIVEN.plus(offset, ChronoUnit.DAYS);
  }

  private static KnownMovement movement(
      String id, RecipientType type, ConsentStatus status, Instant at) {
    Instant deadline = status == ConsentStatus.RET ? CALENDAR.deadline(at, 3) : null;
    return new KnownMovement(id, type, status, at, deadline);
  }
}
