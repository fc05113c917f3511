package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on the application's port, over real HTTP: without credentials only health (its
 * status) and the Prometheus scrape answer; the API needs none.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.security.user.password=" + ActuatorCredentialsTests.PASSWORD)
class ActuatorCredentialsTests {

  static final String PASSWORD = "credentials-test-password";

  @LocalServerPort
  int port;

  ApiClient anonymous;

  @BeforeEach
  void client() {
    anonymous = new ApiClient(port);
  }

  @Test
  void withoutCredentialsOnlyHealthAndPrometheusAnswer() {
    ApiClient.Response health = anonymous.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();
    assertThat(anonymous.get("/actuator/health/cuprum").body()).doesNotContain("programs");
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);

    for (String path : List.of("/actuator/cuprum", "/actuator/info", "/actuator")) {
      ApiClient.Response refused = anonymous.get(path);
      assertThat(refused.status()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).doesNotContain("echo", "git");
    }
  }

  @Test
  void wrongCredentialsAreRefused() {
    assertThat(anonymous.withCredentials("actuator", "guess").get("/actuator/cuprum").status()).isEqualTo(401);
    assertThat(anonymous.withCredentials("admin", PASSWORD).get("/actuator/cuprum").status()).isEqualTo(401);
  }

  @Test
  void theConfiguredCredentialsOpenEveryExposedEndpoint() {
    ApiClient operator = anonymous.withCredentials("actuator", PASSWORD);

    ApiClient.Response cuprum = operator.get("/actuator/cuprum");
    assertThat(cuprum.status()).isEqualTo(200);
    assertThat(cuprum.json().get("enforceAllowlist").asBoolean()).isTrue();
    assertThat(operator.get("/actuator/info").status()).isEqualTo(200);
    assertThat(operator.get("/actuator/health").json().path("components").path("cuprum").path("details")
        .path("programs").propertyNames()).containsExactly("echo", "git");
  }

  @Test
  void theApiNeedsNeitherCredentialsNorAToken() {
    ApiClient.Response echo = anonymous.postJson("/api/echo", "{\"text\": \"open\"}");

    assertThat(echo.status()).as(echo.body()).isEqualTo(200);
    assertThat(echo.json().get("stdout").asString()).isEqualTo("open");
  }
}
