package org.iys.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests, always aimed at the deployment on loopback. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  private final String authorization;

  public Http(URL deployment) {
    String url = deployment.toString().replaceFirst("//[^:/]+", "//127.0.0.1");
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization = null;
  }

  private Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
  public Http withBearer(String accessToken) {
    return new Http(base, "Bearer " + accessToken);
  }

  /** The same client, sending HTTP Basic credentials with every request. */
  public Http withBasic(String username, String password) {
    String pair = username + ":" + password;
    return new Http(
        base,
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The same client without credentials. */
  public Http anonymous() {
    return new Http(base, null);
  }

  public String base() {
    return base;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply postBytes(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  /** Posts an HTML-form body; the fields are URL-encoded here. */
  public Reply postForm(String path, java.util.Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    return post(path, "application/x-www-form-urlencoded", body);
  }

  /** Sends a GET without waiting, for tests that need many requests in flight at once. */
  public java.util.concurrent.CompletableFuture<Reply> getAsync(String path) {
    return CLIENT
        .sendAsync(
            authorized(HttpRequest.newBuilder(URI.create(base + path)).GET())
                // One connection per request in flight: HTTP/2 would multiplex them onto one
                // connection, whose stream limit the server enforces with GOAWAY.
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(Reply::of);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  public Reply putJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** Sends any method with any headers, for the tests that probe how bad requests are refused. */
  public Reply send(String method, String path, String contentType, byte[] body) {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** Like {@link #send(String, String, String, byte[])}, with one extra header. */
  public Reply send(
      String method,
      String path,
      String contentType,
      byte[] body,
      String headerName,
      String headerValue) {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header(headerName, headerValue);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  private Reply send(HttpRequest.Builder request) {
    authorized(request);
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return Reply.of(response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends one request over a plain socket and returns the status line exactly as the server wrote
   * it, which the JDK client does not show, and the headers (names in lower case).
   */
  public RawReply raw(String method, String path, String contentType, String body) {
    URI uri = URI.create(base);
    byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var request = new StringBuilder();
    request
        .append(method)
        .append(' ')
        .append(uri.getRawPath())
        .append(path)
        .append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(uri.getPort()).append("\r\n");
    request.append("Connection: close\r\n");
    if (authorization != null) {
      request.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    try (var socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(request.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      var in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
      String statusLine = in.readLine();
      var headers = new java.util.HashMap<String, String>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      return new RawReply(statusLine, java.util.Map.copyOf(headers));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The status line as sent and the response headers, names in lower case. */
  public record RawReply(String statusLine, java.util.Map<String, String> headers) {}

  /** A response: its status, body and headers. */
  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

    static Reply of(HttpResponse<String> response) {
      return new Reply(response.statusCode(), response.body(), response.headers());
    }

    public java.util.Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }
  }
}
