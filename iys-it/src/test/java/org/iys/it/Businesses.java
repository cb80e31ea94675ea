package org.iys.it;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Brings a business to the point where it can call the business API: applies with valid data,
 * approves the application as the configured first admin, issues an API user and logs it in. Every
 * call makes a new business, so tests never share one.
 */
public final class Businesses {

  /** The first admin, as arquillian.xml configures it. */
  public static final String ADMIN = "admin";

  public static final String ADMIN_PASSWORD = "it-admin-password";

  public static final String API_PASSWORD = "api-user-password";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Businesses() {}

  /** An approved business with its master brand and a fresh token pair. */
  public record ApprovedBusiness(
      int iysCode, int brandCode, String accessToken, String refreshToken, String apiUsername) {}

  public static ApprovedBusiness approved(Http http) {
    long id = applied(http);
    var staff = staff(http);

    var approval = staff.postJson("/api/staff/businesses/applications/" + id + "/approval", "{}");
    require(approval, 200);
    int iysCode = approval.json().getInt("iysCode");

    String username = "api-" + iysCode + "-" + Long.toHexString(RANDOM.nextLong());
    require(
        staff.postJson(
            "/api/staff/businesses/" + iysCode + "/api-users",
            "{\"username\":\"" + username + "\",\"password\":\"" + API_PASSWORD + "\"}"),
        201);

    var token =
        http.anonymous()
            .postForm(
                "/api/oauth2/token",
                Map.of("grant_type", "password", "username", username, "password", API_PASSWORD));
    require(token, 200);
    return new ApprovedBusiness(
        iysCode,
        iysCode,
        token.json().getString("access_token"),
        token.json().getString("refresh_token"),
        username);
  }

  /** Applies with valid, unique data and answers the application's id. */
  public static long applied(Http http) {
    var created = http.anonymous().postJson("/api/businesses/applications", applicationJson(vkn()));
    require(created, 201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** The client acting as the configured first admin. */
  public static Http staff(Http http) {
    return http.withBasic(ADMIN, ADMIN_PASSWORD);
  }

  public static String applicationJson(String taxNumber) {
    return """
        {"title":"Örnek Ticaret A.Ş.","taxNumber":"%s","mersisNumber":"0123456789012345",
         "address":"Atatürk Cad. No: 1, Kadıköy, İstanbul","email":"Basvuru@Ornek.com.tr",
         "phone":"+902161234567"}"""
        .formatted(taxNumber);
  }

  /** A random tax number (VKN) with a correct check digit. */
  public static String vkn() {
    int[] digits = new int[10];
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      digits[i] = RANDOM.nextInt(10);
      int shifted = (digits[i] + 9 - i) % 10;
      int weighted = (shifted * (1 << (9 - i))) % 9;
      if (shifted != 0 && weighted == 0) {
        weighted = 9;
      }
      sum += weighted;
    }
    digits[9] = (10 - sum % 10) % 10;
    var text = new StringBuilder();
    for (int d : digits) {
      text.append(d);
    }
    return text.toString();
  }

  private static void require(Http.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
    }
  }
}
