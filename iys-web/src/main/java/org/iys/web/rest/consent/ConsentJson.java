package org.iys.web.rest.consent;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.iys.application.consent.ConsentRequests;
import org.iys.application.consent.Recorded;
import org.iys.domain.consent.Consent;
import org.iys.domain.consent.ConsentChange;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.consent.ConsentMovement;

/**
 * The consent API's answers, field for field as the national registry's reference writes them:
 * dates as {@code yyyy-MM-dd HH:mm:ss} in Turkey time, absent values left out rather than null.
 */
final class ConsentJson {

  // Json.createObjectBuilder looks the provider up through the service loader on every call; the
  // factory is thread-safe and found once.
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

  private ConsentJson() {}

  static JsonObject recorded(Recorded recorded) {
    return JSON.createObjectBuilder()
        .add("transactionId", recorded.transactionId())
        .add("creationDate", ConsentDate.format(recorded.creationDate()))
        .build();
  }

  static JsonObject movement(ConsentMovement m) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    date(json, "consentDate", m.consentDate());
    date(json, "creationDate", m.creationDate());
    if (m.source() != null) {
      json.add("source", m.source().name());
    }
    return json.add("recipient", m.recipient().address())
        .add("recipientType", m.recipientType().name())
        .add("status", m.status().name())
        .add("type", m.type().name())
        .add("transactionId", m.transactionId().value())
        .build();
  }

  static JsonObject status(Consent c) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    date(json, "consentDate", c.consentDate());
    date(json, "creationDate", c.creationDate());
    if (c.source() != null) {
      json.add("source", c.source().name());
    }
    json.add("recipient", c.recipient().address())
        .add("recipientType", c.recipientType().name())
        .add("status", c.status().name())
        .add("type", c.type().name())
        .add("retailerAccessCount", c.retailerAccess().size());
    if (c.retailerCode() != null) {
      json.add("retailerCode", c.retailerCode());
    }
    return json.add("transactionId", c.transactionId().value()).build();
  }

  /** The 202 answer to an accepted bulk list. */
  static JsonObject submission(ConsentRequests.Submission submission) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (ConsentRequests.Item item : submission.items()) {
      ConsentChange c = item.change();
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("type", c.type().name())
              .add("recipient", c.recipient().address())
              .add("status", c.status().name())
              .add("recipientType", c.recipientType().name());
      if (c.source() != null) {
        json.add("source", c.source().name());
      }
      date(json, "consentDate", c.consentDate());
      json.add("subRequestId", item.subrequestId());
      date(json, "creationDate", submission.submittedAt());
      items.add(json);
    }
    return JSON.createObjectBuilder()
        .add("requestId", submission.requestId())
        .add("subRequests", items)
        .build();
  }

  /** The request status: one element per item, in list order; v2 also names original records. */
  static JsonArray results(String requestId, List<ConsentRequests.Result> results, boolean v2) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (ConsentRequests.Result r : results) {
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("index", r.index())
              .add("status", r.outcome())
              .add("subRequestId", r.subrequestId());
      switch (r.outcome()) {
        case "success" -> {
          json.add("requestId", requestId).add("transactionId", r.transactionId());
          date(json, "creationDate", r.creationDate());
          if (v2 && r.originalSingleV2()) {
            json.add("isAddConsentV2Service", true);
          }
          if (v2 && r.originalRequestId() != null) {
            json.add(
                "originalRequestInformation",
                JSON.createObjectBuilder()
                    .add("requestId", r.originalRequestId())
                    .add("subRequestId", r.originalSubrequestId()));
          }
        }
        case "failure" ->
            json.add(
                "error",
                JSON.createObjectBuilder()
                    .add("code", r.errorCode())
                    .add("message", r.errorMessage()));
        default -> {
          // enqueue: nothing is known yet beyond the item itself
        }
      }
      list.add(json);
    }
    return list.build();
  }

  private static void date(JsonObjectBuilder json, String name, Instant instant) {
    if (instant != null) {
      json.add(name, ConsentDate.format(instant));
    }
  }
}
