package org.iys.it;

/**
 * The business the consent tests act as, and the path prefix of its brand. Businesses and tokens
 * are not needed by the consent API yet; when they are, this is the one place that registers the
 * business, obtains a token and adds it to every request.
 */
public final class ConsentFixture {

  /** The iysCode (and master brand code) the shared cases are written for. */
  public static final int CASES_BUSINESS = 700001;

  private ConsentFixture() {}

  public static String consents(int iysCode, int brandCode) {
    return "/api/sps/" + iysCode + "/brands/" + brandCode + "/consents";
  }

  public static String consentsV2(int iysCode, int brandCode) {
    return "/api/v2/sps/" + iysCode + "/brands/" + brandCode + "/consents";
  }
}
