package org.iys.web.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.iys.application.access.OAuthTokens.TokenHolder;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * The business behind the bearer token of the current request, set by {@link BearerTokenFilter}.
 * Business endpoints call {@link #requireBusiness} or {@link #requireBrand} with the codes of the
 * path before anything else. A refusal is always H353 and says nothing about whether the other
 * business or brand exists.
 */
@RequestScoped
public class BusinessCaller {

  @Inject private BrandOwners brandOwners;

  @Inject private RateLimits rateLimits;

  @Inject private SubscriptionGate subscriptionGate;

  private TokenHolder holder;

  void authenticated(TokenHolder tokenHolder) {
    this.holder = tokenHolder;
  }

  /** The caller's own business, whose subscription must be active (else H520 or H521). */
  public void requireBusiness(int iysCode) {
    requireBusinessInAnyState(iysCode);
    subscriptionGate.requireOpen(iysCode);
  }

  /** The caller's own business in whatever state its subscription is: the subscription query. */
  public void requireBusinessInAnyState(int iysCode) {
    if (holder == null || holder.iysCode() != iysCode) {
      throw refusal();
    }
  }

  public void requireBrand(int iysCode, int brandCode) {
    requireBusiness(iysCode);
    if (!brandOwners.owner(brandCode).map(owner -> owner == iysCode).orElse(false)) {
      throw refusal();
    }
  }

  /** The caller's iysCode; only after the filter let the request in. */
  public int iysCode() {
    if (holder == null) {
      throw refusal();
    }
    return holder.iysCode();
  }

  /** Counts a status query against the caller's hourly allowance; 429 H086 once it is spent. */
  public void chargeStatusQuery() {
    rateLimits.statusQuery(clientKey());
  }

  /** Counts a history query against the caller's hourly allowance; 429 H089 once it is spent. */
  public void chargeHistoryQuery() {
    rateLimits.historyQuery(clientKey());
  }

  String clientKey() {
    if (holder == null) {
      throw refusal();
    }
    return "user:" + holder.apiUserId();
  }

  private static DomainException refusal() {
    return new DomainException(Violation.of(ErrorCode.H353));
  }
}
