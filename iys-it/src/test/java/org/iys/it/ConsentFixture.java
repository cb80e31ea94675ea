package org.iys.it;

/** Path prefixes of a brand's consent endpoints, in both API versions. */
public final class ConsentFixture {

  private ConsentFixture() {}

  public static String consents(int iysCode, int brandCode) {
    return "/api/sps/" + iysCode + "/brands/" + brandCode + "/consents";
  }

  public static String consentsV2(int iysCode, int brandCode) {
    return "/api/v2/sps/" + iysCode + "/brands/" + brandCode + "/consents";
  }
}
