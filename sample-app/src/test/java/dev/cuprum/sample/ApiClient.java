package dev.cuprum.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running sample, with JSON bodies parsed for assertions. */
final class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Response get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  Response get(String pathAndQuery, String accept) {
    return send(request(pathAndQuery).GET().header("Accept", accept));
  }

  Response postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  /** A POST with the given content type, or none at all when it is null. */
  Response post(String path, @Nullable String contentType, String body) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A JSON POST from a client that accepts only {@code accept} in return. */
  Response postJson(String path, String json, String accept) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Accept", accept));
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException("request to the sample failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A response; {@link #json()} fails the test when the body is not JSON. */
  record Response(int status, String contentType, String body) {

    JsonNode json() {
      if (!contentType.startsWith("application/json") && !contentType.startsWith("application/vnd.spring-boot")) {
        throw new AssertionError("expected a JSON response, got " + contentType + ": " + body);
      }
      return JsonMapper.shared().readTree(body);
    }

    /** The reason of an error response. */
    String error() {
      JsonNode json = json();
      if (json.size() != 1 || !json.path("error").isString()) {
        throw new AssertionError("expected {\"error\": \"...\"}, got " + body);
      }
      return json.get("error").asString();
    }
  }
}
