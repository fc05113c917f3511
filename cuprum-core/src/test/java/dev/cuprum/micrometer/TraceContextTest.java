package dev.cuprum.micrometer;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunOptions;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A child's environment carries the trace context of its command's span, as OpenTelemetry names it. */
class TraceContextTest {

  private final SimpleTracer tracer = new SimpleTracer();
  private final ObservationRegistry registry = ObservationRegistry.create();

  TraceContextTest() {
    registry.observationConfig().observationHandler(
        new ObservationHandler.FirstMatchingCompositeObservationHandler(
            new PropagatingSenderTracingObservationHandler<>(tracer, new W3cTraceContext()),
            new DefaultTracingObservationHandler(tracer)));
  }

  private CommandExecutor executor(ObservationOptions options) {
    return CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observationRegistry(registry)
        .observationOptions(options).build();
  }

  @Test
  void aChildSeesTheTraceContextOfItsCommandsSpanUnderTheCurrentOne() {
    Observation request = Observation.start("request", registry);
    String traceparent;
    try (Observation.Scope scope = request.openScope()) {
      traceparent = executor(ObservationOptions.defaults()).run(sh("printf %s \"$TRACEPARENT\"")).stdout();
    } finally {
      request.stop();
    }

    SimpleSpan exec = span("cuprum.exec sh");
    SimpleSpan parent = span("request");
    assertThat(exec.getKind()).isEqualTo(Span.Kind.CLIENT);
    assertThat(exec.getParentId()).isEqualTo(parent.getSpanId());
    assertThat(exec.getTraceId()).isEqualTo(parent.getTraceId());
    assertThat(traceparent).isEqualTo("00-" + exec.getTraceId() + "-" + exec.getSpanId() + "-01");
  }

  @Test
  void eachStageOfAPipelineSeesItsOwnSpan() {
    PipelineResult result = executor(ObservationOptions.defaults())
        .run(sh("printf '%s\\n' \"$TRACEPARENT\"").pipe(sh("cat; printf '%s\\n' \"$TRACEPARENT\"")));

    List<String> seen = result.stdout().lines().toList();
    List<SimpleSpan> stages = tracer.getSpans().stream().filter(span -> span.getName().equals("cuprum.exec sh"))
        .toList();
    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
    assertThat(stages).extracting(span -> "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01")
        .containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void aValueTheCallerSetIsKept() {
    String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    RunOptions options = RunOptions.builder()
        .context(ExecutionContext.builder().env(Map.of("TRACEPARENT", own)).build()).build();

    assertThat(executor(ObservationOptions.defaults()).run(sh("printf %s \"$TRACEPARENT\""), options).stdout())
        .isEqualTo(own);
  }

  @Test
  void propagationCanBeTurnedOff() {
    String seen = executor(ObservationOptions.builder().propagateTraceContext(false).build())
        .run(sh("printf %s \"${TRACEPARENT-unset}\"")).stdout();

    assertThat(seen).isEqualTo(System.getenv().getOrDefault("TRACEPARENT", "unset"));
    assertThat(span("cuprum.exec sh").getKind()).isEqualTo(Span.Kind.CLIENT);
  }

  private SimpleSpan span(String name) {
    return tracer.getSpans().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
  }

  /** W3C trace context, as OpenTelemetry and Brave propagate it: {@code traceparent} and {@code tracestate}. */
  private static final class W3cTraceContext implements Propagator {

    @Override
    public List<String> fields() {
      return List.of("traceparent", "tracestate");
    }

    @Override
    public <C> void inject(TraceContext context, @Nullable C carrier, Setter<C> setter) {
      setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
      throw new UnsupportedOperationException("the tests only inject");
    }
  }
}
