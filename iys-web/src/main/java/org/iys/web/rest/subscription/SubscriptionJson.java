package org.iys.web.rest.subscription;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.iys.application.subscription.Subscriptions;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.subscription.Subscription;

/** A subscription with the reference's field names; dates in Turkey time. */
final class SubscriptionJson {

  private SubscriptionJson() {}

  static JsonObject of(Subscriptions.Standing standing, Instant now) {
    Subscription s = standing.subscription();
    return Json.createObjectBuilder()
        .add("subscriptionId", s.subscriptionId())
        .add("startDate", ConsentDate.format(s.startDate()))
        .add("expirationDate", ConsentDate.format(s.expirationDate()))
        .add("subscriptionPackageName", s.packageName())
        .add("status", s.status(now).name())
        .add("consentLimit", s.consentLimit())
        .add("usedConsentLimit", standing.usedConsentLimit())
        .add("consentLimitExceed", s.consentLimitExceed())
        .build();
  }
}
