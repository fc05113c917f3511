package dev.cuprum.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running sample, with JSON bodies parsed for assertions. */
final class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;
  private final @Nullable String authorization;

  ApiClient(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  private ApiClient(String base, @Nullable String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A client that sends HTTP basic credentials with every request. */
  ApiClient withCredentials(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(base, "Basic " + token);
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
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
