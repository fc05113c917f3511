package dev.cuprum.sample.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns the Zipkin span export on only where a Zipkin endpoint is configured.
 *
 * <p>Boot's Zipkin support has a default endpoint ({@code http://localhost:9411/api/v2/spans}),
 * so with the exporter on the class path it would send every span there and log a connection
 * error per batch on a machine without Zipkin. The OTLP exporter needs no such help: Boot
 * creates it only when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set. An
 * explicit {@code management.tracing.export.zipkin.enabled} always wins, since this default is
 * added with the lowest precedence.
 *
 * <p>The endpoint counts when it is in the environment as prepared at startup: configuration
 * files, command-line arguments, system properties, environment variables, or a test's
 * {@code @SpringBootTest(properties = ...)}. Property sources added later, such as a test's
 * {@code @DynamicPropertySource}, come too late; set {@code management.tracing.export.zipkin.enabled}
 * there as well.
 */
public final class TracingExportDefaults implements EnvironmentPostProcessor, Ordered {

  static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";
  static final String ZIPKIN_ENABLED = "management.tracing.export.zipkin.enabled";
  static final String SOURCE_NAME = "sampleTracingExportDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean endpointSet = StringUtils.hasText(environment.getProperty(ZIPKIN_ENDPOINT));
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(ZIPKIN_ENABLED, endpointSet)));
  }

  /** After the application's configuration files are loaded, so that an endpoint set there counts. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
