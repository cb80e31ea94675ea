package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The staff form login as a forged page and a password guesser meet it, over plain HTTP: each
 * {@link Visitor} is one browser with its own cookies that never follows redirects, so every answer
 * is seen as sent.
 */
final class StaffLogin {

  private static final Pattern TOKEN =
      Pattern.compile("name=\"j_token\" value=\"([A-Za-z0-9_-]+)\"");

  private static final SecureRandom RANDOM = new SecureRandom();

  private StaffLogin() {}

  /**
   * A post of valid credentials without the token of a login page this browser rendered does not
   * log in, whether the browser has a session or not; with the token it does.
   */
  static void aLoginNeedsTheTokenOfItsOwnPage(Http http) throws Exception {
    Visitor forged = new Visitor(http.base());
    var blind = forged.logIn(Businesses.ADMIN, Businesses.ADMIN_PASSWORD, null);
    assertThat(blind.statusCode()).isEqualTo(302);
    assertThat(location(blind)).endsWith("/staff/login.xhtml?expired=true");
    assertThat(forged.loggedIn()).isFalse();

    Visitor victim = new Visitor(http.base());
    String token = victim.loginPageToken();
    var withoutToken = victim.logIn(Businesses.ADMIN, Businesses.ADMIN_PASSWORD, null);
    assertThat(location(withoutToken)).endsWith("?expired=true");
    var otherToken =
        victim.logIn(Businesses.ADMIN, Businesses.ADMIN_PASSWORD, forged.loginPageToken());
    assertThat(location(otherToken)).endsWith("?expired=true");
    assertThat(victim.loggedIn()).isFalse();

    var real = victim.logIn(Businesses.ADMIN, Businesses.ADMIN_PASSWORD, token);
    assertThat(location(real)).endsWith("/staff/index.xhtml");
    assertThat(victim.loggedIn()).isTrue();
    // The token served its login and is not accepted for another one.
    assertThat(victim.fetch("/staff/login.xhtml").body()).doesNotContain(token);
  }

  /**
   * After repeated wrong passwords an account refuses even the right one for a while, then takes it
   * again; posts without the token are not counted, so a forged page cannot lock an account.
   */
  static void repeatedFailuresSlowTheAccountDown(Http http) throws Exception {
    String username = "guessed-" + Long.toHexString(RANDOM.nextLong());
    String password = "guessed-password-1";
    var created =
        Businesses.staff(http)
            .postJson(
                "/api/staff/users",
                "{\"username\":\""
                    + username
                    + "\",\"password\":\""
                    + password
                    + "\",\"roles\":[\"operator\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    Visitor forged = new Visitor(http.base());
    for (int i = 0; i < 10; i++) {
      forged.logIn(username, "not-the-password", null);
    }
    Visitor guesser = new Visitor(http.base());
    String token = guesser.loginPageToken();
    for (int i = 0; i < 5; i++) {
      assertThat(location(guesser.logIn(username, "wrong-" + i, token))).endsWith("?failed=true");
    }
    // The fifth failure pauses the account for one second; the sixth, after it, for two.
    Thread.sleep(1_200);
    assertThat(location(guesser.logIn(username, "wrong-6", token))).endsWith("?failed=true");
    assertThat(location(guesser.logIn(username, password, token)))
        .as("the right password during the pause")
        .endsWith("?failed=true");
    assertThat(guesser.loggedIn()).isFalse();

    Thread.sleep(2_500);
    assertThat(location(guesser.logIn(username, password, token))).endsWith("/staff/index.xhtml");
    assertThat(guesser.loggedIn()).isTrue();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** One browser: its own cookie jar, redirects not followed. */
  private static final class Visitor {

    private final String base;

    private final HttpClient client;

    private Visitor(String base) {
      this.base = base;
      this.client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    String loginPageToken() throws IOException, InterruptedException {
      var page = fetch("/staff/login.xhtml");
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher token = TOKEN.matcher(page.body());
      assertThat(token.find()).as("the login page carries a token").isTrue();
      return token.group(1);
    }

    HttpResponse<String> logIn(String username, String password, String token)
        throws IOException, InterruptedException {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("j_username", username);
      fields.put("j_password", password);
      if (token != null) {
        fields.put("j_token", token);
      }
      String form =
          fields.entrySet().stream()
              .map(
                  field ->
                      URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return client.send(
          HttpRequest.newBuilder(URI.create(base + "/staff/j_security_check"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    boolean loggedIn() throws IOException, InterruptedException {
      var dashboard = fetch("/staff/index.xhtml");
      return dashboard.statusCode() == 200 && dashboard.body().contains("id=\"who\"");
    }

    HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
