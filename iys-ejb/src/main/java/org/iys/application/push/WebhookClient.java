package org.iys.application.push;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Posts JSON to a business's push address, with Basic authentication and a hard 5-second limit on
 * the whole exchange: a slow receiver must not hold the delivery worker.
 *
 * <p>Plain {@code http} addresses are refused unless {@value #ALLOW_HTTP} is {@code true} (a system
 * property or {@code IYS_PUSH_ALLOW_HTTP}), which exists for tests and for trying the registry
 * against a receiver on one's own machine.
 */
@ApplicationScoped
public class WebhookClient {

  public static final String ALLOW_HTTP = "iys.push.allow-http";

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** Whether the address may receive pushes: https, or http where explicitly allowed. */
  public boolean acceptsScheme(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) {
      return true;
    }
    return lower.startsWith("http://")
        && ConfigProvider.getConfig().getOptionalValue(ALLOW_HTTP, Boolean.class).orElse(false);
  }

  /** Sends the body; credentials may be null to see whether the receiver demands them. */
  public Outcome post(String url, String username, String password, String json) {
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return new Outcome(0, false, "malformed address");
    }
    if (username != null) {
      String pair = username + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return new Outcome(response.statusCode(), false, "HTTP " + response.statusCode());
    } catch (HttpTimeoutException e) {
      return new Outcome(0, true, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return new Outcome(0, false, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(0, false, "interrupted");
    }
  }

  /** What came back: a status (0 when none), whether the time ran out, and a loggable note. */
  public record Outcome(int status, boolean timedOut, String note) {

    public boolean succeeded() {
      return status >= 200 && status < 300;
    }

    public boolean demandedCredentials() {
      return status == 401 || status == 403;
    }
  }
}
