import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business of the benchmarks' own, registered through the REST API as any integrator would:
 * application, approval by the first admin, an API user and its bearer token. Benchmarks send
 * traffic to 127.0.0.1 only.
 */
final class BenchBusiness {

  final int iysCode;

  final String token;

  private BenchBusiness(int iysCode, String token) {
    this.iysCode = iysCode;
    this.token = token;
  }

  static BenchBusiness register(HttpClient client, String base, String adminPassword)
      throws Exception {
    if (!URI.create(base).getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1");
    }
    String applied =
        call(
            client,
            json(base + "/api/businesses/applications")
                .POST(
                    body(
                        "{\"title\":\"Yük Testi A.Ş.\",\"taxNumber\":\""
                            + taxNumber()
                            + "\",\"mersisNumber\":\"0123456789012345\",\"address\":"
                            + "\"Test Cad. 1, İstanbul\",\"email\":\"yuk@test.example\","
                            + "\"phone\":\"+902161234567\"}")),
            201);
    String staff =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    String approved =
        call(
            client,
            json(base + "/api/staff/businesses/applications/" + field(applied, "\"id\":([0-9]+)")
                    + "/approval")
                .header("Authorization", staff)
                .POST(body("{}")),
            200);
    int iysCode = Integer.parseInt(field(approved, "\"iysCode\":([0-9]+)"));
    String username = "bench-" + iysCode;
    String password = Long.toHexString(new SecureRandom().nextLong()) + "-bench";
    call(
        client,
        json(base + "/api/staff/businesses/" + iysCode + "/api-users")
            .header("Authorization", staff)
            .POST(body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")),
        201);
    String issued =
        call(
            client,
            HttpRequest.newBuilder(URI.create(base + "/api/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    body(
                        "grant_type=password&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8))),
            200);
    return new BenchBusiness(iysCode, field(issued, "\"access_token\":\"([^\"]+)\""));
  }

  private static HttpRequest.Builder json(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text);
  }

  private static String call(HttpClient client, HttpRequest.Builder request, int expected)
      throws Exception {
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.build().uri().getPath() + " answered " + response.statusCode() + ": "
              + response.body());
    }
    return response.body();
  }

  private static String field(String json, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in " + json);
    }
    return m.group(1);
  }

  /** A random tax number (VKN) whose check digit is right. */
  private static String taxNumber() {
    SecureRandom random = new SecureRandom();
    int[] digits = new int[10];
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      digits[i] = random.nextInt(10);
      int shifted = (digits[i] + 9 - i) % 10;
      int weighted = (shifted * (1 << (9 - i))) % 9;
      if (shifted != 0 && weighted == 0) {
        weighted = 9;
      }
      sum += weighted;
    }
    digits[9] = (10 - sum % 10) % 10;
    StringBuilder text = new StringBuilder();
    for (int d : digits) {
      text.append(d);
    }
    return text.toString();
  }
}
