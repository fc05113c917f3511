package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Sh;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With Boot's OpenTelemetry tracing, a command's environment carries the W3C trace context of its
 * span, so an instrumented program continues the application's trace.
 */
class TraceContextPropagationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
          OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
          MicrometerTracingAutoConfiguration.class, CuprumAutoConfiguration.class,
          TaskExecutionAutoConfiguration.class))
      .withPropertyValues("cuprum.catalogue.projects.tools.programs=sh", "management.tracing.sampling.probability=1.0");

  @Test
  void aChildPrintsTheTraceparentOfItsCommandsSpanInTheRequestsTrace() {
    runner.run(context -> {
      Tracer tracer = context.getBean(Tracer.class);
      Observation request = Observation.start("request", context.getBean(ObservationRegistry.class));
      String traceId;
      String traceparent;
      try (Observation.Scope scope = request.openScope()) {
        traceId = tracer.currentSpan().context().traceId();
        traceparent = run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class),
            "printf %s \"$TRACEPARENT\"");
      } finally {
        request.stop();
      }

      // W3C trace context: version, the trace id, the id of the command's span, the flags.
      assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}");
    });
  }

  @Test
  void thePropagationCanBeTurnedOff() {
    runner.withPropertyValues("cuprum.observations.propagate-trace-context=false").run(context -> {
      String seen = run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class),
          "printf %s \"${TRACEPARENT-unset}\"");
      assertThat(seen).isEqualTo(System.getenv().getOrDefault("TRACEPARENT", "unset"));
    });
  }

  private static String run(CommandExecutor executor, ProgramCatalogue catalogue, String script) {
    return executor.run(Sh.make(Program.of("sh"), catalogue).args("-c", script)).requireOk().stdout();
  }
}
