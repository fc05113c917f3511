package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.logging.LoggingHook;
import dev.cuprum.micrometer.MetricsHook;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A fully instrumented executor, as a service with metrics, tracing and logging runs it: an
 * observation registry with the meter handler (timers into a {@link SimpleMeterRegistry}) and the
 * tracing handler (an OpenTelemetry SDK tracer through the Micrometer bridge, every span sampled),
 * the {@link MetricsHook}, and the logging hook at INFO into {@link DroppingAppender}. Ended spans
 * are counted by a span processor instead of being exported, so the cost measured is Cuprum's and
 * the instrumentation's, not an exporter's.
 */
final class Instrumentation implements AutoCloseable {

  /** The logger of the logging hook; logback.xml routes it to {@link DroppingAppender} at INFO. */
  static final String LOGGER = "benchmarks.cuprum";

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CountingSpanProcessor spans = new CountingSpanProcessor();
  final CommandExecutor executor;
  private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().addSpanProcessor(spans).build();

  Instrumentation() {
    OtelCurrentTraceContext currentContext = new OtelCurrentTraceContext();
    OtelTracer tracer = new OtelTracer(tracerProvider.get("cuprum-benchmarks"), currentContext, event -> { },
        new OtelBaggageManager(currentContext, List.of(), List.of()));
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(new DefaultTracingObservationHandler(tracer));
    LoggingHook logging = new LoggingHook(LoggerFactory.getLogger(LOGGER), Level.INFO, Level.INFO);
    executor = CommandExecutor.builder()
        .catalogue(Workloads.CATALOGUE)
        .launchMechanism(LaunchMechanism.JDK)
        .observationRegistry(observations)
        .observeHook(new MetricsHook(meters))
        .beforeHook(logging)
        .afterHook(logging)
        .build();
  }

  /** Whether {@code runs} runs were fully recorded: timers, metrics hook counters, spans and log records. */
  void checkRecorded(long runs) {
    Workloads.check(meters.get("cuprum.exec").timer().count() == runs, runs + " cuprum.exec observations timed");
    Workloads.check(meters.get("cuprum.executions").counter().count() == runs, runs + " executions counted");
    Workloads.check(spans.ended() == runs, runs + " spans ended");
    Workloads.check(DroppingAppender.appended() >= 2 * runs, "start and exit records logged for " + runs + " runs");
  }

  @Override
  public void close() {
    tracerProvider.close();
    meters.close();
  }

  /** Counts ended spans, standing in for an export pipeline. */
  static final class CountingSpanProcessor implements SpanProcessor {

    private final AtomicLong ended = new AtomicLong();

    long ended() {
      return ended.get();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.incrementAndGet();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
