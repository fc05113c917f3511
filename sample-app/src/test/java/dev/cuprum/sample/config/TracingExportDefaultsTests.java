package dev.cuprum.sample.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TracingExportDefaultsTests {

  private final TracingExportDefaults defaults = new TracingExportDefaults();

  @Test
  void zipkinExportIsOffWithoutAnEndpoint() {
    assertThat(zipkinEnabled(Map.of())).isEqualTo("false");
  }

  @Test
  void zipkinExportIsOnWithAnEndpoint() {
    assertThat(zipkinEnabled(Map.of(TracingExportDefaults.ZIPKIN_ENDPOINT, "http://127.0.0.1:9411/api/v2/spans")))
        .isEqualTo("true");
  }

  @Test
  void aBlankEndpointCountsAsNone() {
    assertThat(zipkinEnabled(Map.of(TracingExportDefaults.ZIPKIN_ENDPOINT, " "))).isEqualTo("false");
  }

  @Test
  void anExplicitSettingWins() {
    assertThat(zipkinEnabled(Map.of(TracingExportDefaults.ZIPKIN_ENABLED, "true"))).isEqualTo("true");
    assertThat(zipkinEnabled(Map.of(TracingExportDefaults.ZIPKIN_ENDPOINT, "http://127.0.0.1:9411/api/v2/spans",
        TracingExportDefaults.ZIPKIN_ENABLED, "false"))).isEqualTo("false");
  }

  @Test
  void theEndpointIsReadWithRelaxedBindingFromTheEnvironmentVariables() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://127.0.0.1:9411/api/v2/spans")));

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(TracingExportDefaults.ZIPKIN_ENABLED)).isEqualTo("true");
  }

  private String zipkinEnabled(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    defaults.postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty(TracingExportDefaults.ZIPKIN_ENABLED);
  }
}
