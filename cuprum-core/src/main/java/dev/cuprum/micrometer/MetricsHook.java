package dev.cuprum.micrometer;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An observe hook that counts executions into a {@link MeterRegistry}, tagged {@code program}
 * and {@code project} ({@code unknown} when the event has none):
 *
 * <ul>
 *   <li>{@code cuprum.executions}: processes started (START);
 *   <li>{@code cuprum.failures}: processes that exited non-zero (EXIT);
 *   <li>{@code cuprum.duration}: a timer of spawn-to-exit durations (EXIT), unless left out;
 *   <li>{@code cuprum.stdout.lines}, {@code cuprum.stderr.lines}: output lines;
 *   <li>{@code cuprum.stdin.bytes}: bytes written to stdin;
 *   <li>{@code cuprum.stdin.errors}: failed stdin writes or closes;
 *   <li>{@code cuprum.refused}: commands the allowlist refused, tagged {@code program} and
 *       {@code reason} ({@code catalogue} or {@code scope}) instead of {@code project}.
 * </ul>
 *
 * <p>In Prometheus these are {@code cuprum_executions_total}, {@code cuprum_failures_total},
 * {@code cuprum_duration_seconds_*}, {@code cuprum_stdout_lines_total}... Meters are looked up
 * once per program and project, not per event.
 *
 * <p>With an observation registry, every command already has a timer: the {@code cuprum.exec}
 * observation's. Leave the {@code cuprum.duration} timer out then
 * ({@link #MetricsHook(MeterRegistry, boolean)}), so that one command is timed once.
 */
public final class MetricsHook implements ExecHook {

  private static final String UNKNOWN = "unknown";

  private final MeterRegistry registry;
  private final boolean durationTimer;
  private final ConcurrentHashMap<Labels, Meters> meters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Refusal, Counter> refusals = new ConcurrentHashMap<>();

  /** Every meter above, the {@code cuprum.duration} timer included. */
  public MetricsHook(MeterRegistry registry) {
    this(registry, true);
  }

  /** @param durationTimer whether to record the {@code cuprum.duration} timer */
  public MetricsHook(MeterRegistry registry, boolean durationTimer) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.durationTimer = durationTimer;
  }

  @Override
  public void onEvent(ExecEvent event) {
    switch (event.phase()) {
      case PLAN -> { }
      case START -> meters(event).executions.increment();
      case STDOUT -> meters(event).stdoutLines.increment();
      case STDERR -> meters(event).stderrLines.increment();
      case STDIN -> {
        if (event.byteCount() != null) {
          meters(event).stdinBytes.increment(event.byteCount());
        }
      }
      case STDIN_ERROR -> meters(event).stdinErrors.increment();
      case EXIT -> {
        Meters exit = meters(event);
        if (event.exitCode() != null && event.exitCode() != 0) {
          exit.failures.increment();
        }
        if (exit.duration != null && event.duration() != null) {
          exit.duration.record(event.duration());
        }
      }
    }
  }

  @Override
  public void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {
    refusals.computeIfAbsent(new Refusal(cmd.program().name(), refusal.reason().tagValue()),
        key -> Counter.builder("cuprum.refused").description("Commands the allowlist refused")
            .tags("program", key.program(), "reason", key.reason()).register(registry))
        .increment();
  }

  private Meters meters(ExecEvent event) {
    String project = event.project();
    Labels labels = new Labels(event.program().name(), project == null || project.isEmpty() ? UNKNOWN : project);
    return meters.computeIfAbsent(labels, this::register);
  }

  private Meters register(Labels labels) {
    Tags tags = Tags.of("program", labels.program(), "project", labels.project());
    return new Meters(
        Counter.builder("cuprum.executions").description("Processes started").tags(tags).register(registry),
        Counter.builder("cuprum.failures").description("Processes that exited non-zero").tags(tags).register(registry),
        durationTimer ? Timer.builder("cuprum.duration").description("Time from spawn to exit").tags(tags)
            .register(registry) : null,
        Counter.builder("cuprum.stdout.lines").description("Lines read from stdout").tags(tags).register(registry),
        Counter.builder("cuprum.stderr.lines").description("Lines read from stderr").tags(tags).register(registry),
        Counter.builder("cuprum.stdin.bytes").description("Bytes written to stdin").baseUnit(BaseUnits.BYTES)
            .tags(tags).register(registry),
        Counter.builder("cuprum.stdin.errors").description("Failed stdin writes or closes").tags(tags)
            .register(registry));
  }

  private record Labels(String program, String project) {}

  private record Refusal(String program, String reason) {}

  private record Meters(
      Counter executions, Counter failures, @Nullable Timer duration, Counter stdoutLines, Counter stderrLines,
      Counter stdinBytes, Counter stdinErrors) {}
}
