package org.iys.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iys.domain.calendar.BusinessCalendar;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every shared case (request, registry clock, stored movements, expected answer) through the
 * field rules and then the state rules, as the application service will.
 */
class ConsentCasesTest {

  private static final int BRAND = 700001;
  private static final BusinessCalendar CALENDAR = BusinessCalendar.bundled();
  private static final ConsentRequestValidator VALIDATOR = new ConsentRequestValidator(CALENDAR);

  @TestFactory
  Stream<DynamicTest> everyCaseGetsItsExpectedAnswer() {
    List<Map<String, Object>> cases = JsonCases.read("/cases/consent-rules.jsonl");
    assertThat(cases).hasSize(32);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.get("id") + " " + c.get("rule"), () -> check(c)));
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> testCase) {
    Clock clock = clockAt((String) testCase.get("now"));
    Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");
    Registry registry = new Registry(clock);
    ((List<Map<String, Object>>) testCase.get("given")).forEach(registry::store);

    Answer answer =
        Boolean.TRUE.equals(testCase.get("bulk"))
            ? registry.bulk((List<Object>) testCase.get("request"))
            : registry.single((Map<String, Object>) testCase.get("request"));

    assertThat(answer.http).isEqualTo(((Number) expect.get("http")).intValue());
    assertThat(answer.codes).containsExactlyInAnyOrderElementsOf(expectedCodes(expect));
    assertThat(answer.items).isEqualTo(expectedItems(expect));
  }

  @SuppressWarnings("unchecked")
  private static List<String> expectedCodes(Map<String, Object> expect) {
    List<String> codes = new ArrayList<>();
    for (Object code : (List<Object>) expect.getOrDefault("codes", List.of())) {
      codes.add(code instanceof Map<?, ?> m ? m.get("code") + "@" + m.get("index") : (String) code);
    }
    return codes;
  }

  @SuppressWarnings("unchecked")
  private static List<String> expectedItems(Map<String, Object> expect) {
    List<String> items = new ArrayList<>();
    for (Map<String, Object> item :
        (List<Map<String, Object>>) expect.getOrDefault("items", List.of())) {
      items.add(item.get("index") + ":" + item.get("status") + ":" + item.getOrDefault("code", ""));
    }
    return items;
  }

  private static Clock clockAt(String turkeyTime) {
    return Clock.fixed(ConsentDate.parse(turkeyTime), BusinessCalendar.TURKEY);
  }

  /** The HTTP status, the error codes (bulk: code@index) and, for bulk, each item's outcome. */
  private record Answer(int http, List<String> codes, List<String> items) {}

  /** The consents of brand 700001, kept in memory as the application service would store them. */
  private static final class Registry {
    private final Clock clock;
    private final Map<ConsentKey, Consent> consents = new HashMap<>();

    Registry(Clock clock) {
      this.clock = clock;
    }

    void store(Map<String, Object> given) {
      ConsentChange change = VALIDATOR.toChange(given, clock);
      consentFor(change).apply(change, TransactionId.random(), clock.instant());
    }

    Answer single(Map<String, Object> request) {
      List<Violation> violations = VALIDATOR.validate(request, clock);
      if (!violations.isEmpty()) {
        return refused(violations);
      }
      ConsentChange change = VALIDATOR.toChange(request, clock);
      try {
        ConsentMovement movement = consentFor(change).apply(change, TransactionId.random(), now());
        assertRecorded(movement, change);
        return new Answer(200, List.of(), List.of());
      } catch (DomainException refused) {
        return refused(refused.violations());
      }
    }

    Answer bulk(List<Object> request) {
      List<Violation> violations = VALIDATOR.validateBulk(request, clock);
      if (!violations.isEmpty()) {
        return refused(violations);
      }
      List<String> items = new ArrayList<>();
      List<ConsentChange> changes = VALIDATOR.toChanges(request, clock);
      for (int index = 0; index < changes.size(); index++) {
        items.add(index + ":" + outcome(changes.get(index)));
      }
      return new Answer(202, List.of(), items);
    }

    private String outcome(ConsentChange change) {
      try {
        consentFor(change).apply(change, TransactionId.random(), now());
        return "success:";
      } catch (DomainException refused) {
        return "failure:" + refused.violations().get(0).code().code();
      }
    }

    private Consent consentFor(ConsentChange change) {
      return consents.computeIfAbsent(change.key(BRAND), key -> Consent.unrecorded(BRAND, key));
    }

    private Instant now() {
      return clock.instant();
    }

    private void assertRecorded(ConsentMovement movement, ConsentChange change) {
      assertThat(movement.transactionId().value()).matches("[0-9a-f]{64}");
      assertThat(movement.creationDate()).isEqualTo(now());
      assertThat(movement.recipient().address())
          .isEqualTo(movement.recipient().address().toLowerCase(java.util.Locale.ROOT));
      assertThat(consents.get(change.key(BRAND)).status()).isEqualTo(change.status());
    }

    private static Answer refused(List<Violation> violations) {
      List<String> codes =
          violations.stream()
              .map(v -> v.index() == null ? v.code().code() : v.code().code() + "@" + v.index())
              .toList();
      return new Answer(new DomainException(violations).httpStatus(), codes, List.of());
    }
  }
}
