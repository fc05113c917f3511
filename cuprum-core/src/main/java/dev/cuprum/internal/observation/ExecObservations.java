package dev.cuprum.internal.observation;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.micrometer.CuprumObservationDocumentation;
import dev.cuprum.micrometer.DefaultExecObservationConvention;
import dev.cuprum.micrometer.ExecObservationContext;
import dev.cuprum.micrometer.ExecOutcome;
import dev.cuprum.micrometer.ObservationOptions;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cuprum.exec} observations of an executor. The run drives each one itself, rather
 * than through an observe hook, so that the observation starts before the spawn (its trace
 * context goes into the child's environment), ends exactly once whatever the hooks do, and
 * carries the exception that ended the run as its error.
 */
public final class ExecObservations {

  private final ObservationRegistry registry;
  private final ObservationOptions options;

  private ExecObservations(ObservationRegistry registry, ObservationOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** The observations of an executor, or null when it records none. */
  public static @Nullable ExecObservations of(ObservationRegistry registry, ObservationOptions options) {
    // Not isNoop(): a registry gets its handlers when the application configures it, which may be
    // after the executor is built.
    return registry == ObservationRegistry.NOOP ? null : new ExecObservations(registry, options);
  }

  /**
   * Starts the observation of a command about to be spawned, under the thread's current
   * observation.
   *
   * @param stageIndex the pipeline stage index, or null outside pipelines
   * @param stages the number of pipeline stages, or null outside pipelines
   */
  public Running start(SafeCmd cmd, @Nullable Path cwd, @Nullable Integer stageIndex, @Nullable Integer stages) {
    Map<String, String> propagated = new LinkedHashMap<>();
    ExecObservationContext context = new ExecObservationContext(cmd.program(), cmd.project().name(),
        options.recordArgv() ? cmd.maskedArgvWithProgram() : List.of(), cwd, stageIndex, stages, propagated);
    Observation observation = CuprumObservationDocumentation.EXEC
        .observation(options.convention(), DefaultExecObservationConvention.INSTANCE, () -> context, registry)
        .parentObservation(registry.getCurrentObservation())
        .start();
    return new Running(observation, context, options.propagateTraceContext() ? Map.copyOf(propagated) : Map.of());
  }

  /** Records a command the allowlist refused: an observation without a process, ended at once. */
  public void refused(SafeCmd cmd, ForbiddenProgramException refusal) {
    ExecObservationContext context = new ExecObservationContext(cmd.program(), cmd.project().name(),
        options.recordArgv() ? cmd.maskedArgvWithProgram() : List.of(), null, null, null, new LinkedHashMap<>());
    context.setEnd(ExecOutcome.REFUSED, null, null);
    CuprumObservationDocumentation.EXEC
        .observation(options.convention(), DefaultExecObservationConvention.INSTANCE, () -> context, registry)
        .parentObservation(registry.getCurrentObservation())
        .start()
        .error(refusal)
        .stop();
  }

  /** The observation of one command, from just before its spawn to its end. */
  public final class Running {

    private final Observation observation;
    private final ExecObservationContext context;
    private final Map<String, String> traceEnvironment;
    private final AtomicInteger outputEvents = new AtomicInteger();

    private Running(Observation observation, ExecObservationContext context, Map<String, String> traceEnvironment) {
      this.observation = observation;
      this.context = context;
      this.traceEnvironment = traceEnvironment;
    }

    /**
     * The trace context to add to the child's environment; empty without a propagating tracer.
     * The run's own overlay wins over it, so a value the caller set is never replaced.
     */
    public Map<String, String> traceEnvironment() {
      return traceEnvironment;
    }

    /** Whether output lines become observation events. */
    public boolean wantsOutput() {
      return options.recordOutput() && options.maxOutputEvents() > 0;
    }

    public void started(long pid) {
      context.setPid(pid);
    }

    /** An output line, secrets masked, recorded as an event up to the configured number. */
    public void line(ExecPhase phase, String maskedLine) {
      if (wantsOutput() && outputEvents.incrementAndGet() <= options.maxOutputEvents()) {
        String name = phase == ExecPhase.STDOUT ? "cuprum.stdout" : "cuprum.stderr";
        observation.event(Observation.Event.of(name, maskedLine));
      }
    }

    public void stdinFailed(String note) {
      observation.event(Observation.Event.of("cuprum.stdin_error", note));
    }

    /**
     * Ends the observation.
     *
     * @param exitCode null when no process ran
     * @param duration spawn to exit, or null when no process ran
     * @param error what ended the run other than a zero exit (the span's error), or null
     */
    public void stop(
        ExecOutcome outcome, @Nullable Integer exitCode, @Nullable Duration duration, @Nullable Throwable error) {
      context.setEnd(Objects.requireNonNull(outcome, "outcome"), exitCode, duration);
      if (error != null) {
        observation.error(error);
      }
      observation.stop();
    }
  }
}
