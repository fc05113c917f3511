package dev.cuprum.micrometer;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the events of each execution into one {@code cuprum.exec} observation: started at START
 * with the thread's current observation as parent, stopped at EXIT with the outcome; a command
 * the allowlist refuses is an observation with the outcome {@code REFUSED}. Executors
 * built with an observation registry place it first among their observe hooks.
 *
 * <p>With {@link ObservationOptions#recordOutput()} each output line becomes an observation event
 * named {@code cuprum.stdout} or {@code cuprum.stderr} whose contextual name is the line, at most
 * {@link ObservationOptions#maxOutputEvents()} per command.
 */
public final class ExecObservationHook implements ExecHook {

  private final ObservationRegistry registry;
  private final ObservationOptions options;
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();

  public ExecObservationHook(ObservationRegistry registry, ObservationOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public boolean wantsOutput() {
    return options.recordOutput() && options.maxOutputEvents() > 0;
  }

  @Override
  public void onEvent(ExecEvent event) {
    switch (event.phase()) {
      case START -> start(event);
      case STDOUT, STDERR -> recordLine(event);
      case STDIN_ERROR -> {
        Running execution = running.get(event.execId());
        if (execution != null) {
          execution.observation.event(Observation.Event.of("cuprum.stdin_error", String.valueOf(event.note())));
        }
      }
      case EXIT -> stop(event);
      case PLAN, STDIN -> { }
    }
  }

  private void start(ExecEvent event) {
    String project = event.project();
    ExecObservationContext context = new ExecObservationContext(event.program(), project == null ? "unknown" : project,
        event.argv(), event.cwd(), event.pid() == null ? -1 : event.pid(), event.pipelineStageIndex(), event.pipelineStages());
    Observation observation = CuprumObservationDocumentation.EXEC
        .observation(options.convention(), DefaultExecObservationConvention.INSTANCE, () -> context, registry)
        .parentObservation(registry.getCurrentObservation())
        .start();
    running.put(event.execId(), new Running(observation, context));
  }

  /**
   * A refused command is observed too, so that refusals show in the timer's series and as
   * spans: outcome {@code REFUSED}, no pid, no exit code, and the refusal as the error.
   */
  @Override
  public void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {
    ExecObservationContext context = new ExecObservationContext(cmd.program(), cmd.project().name(),
        cmd.maskedArgvWithProgram(), null, -1, null, null);
    context.refused();
    CuprumObservationDocumentation.EXEC
        .observation(options.convention(), DefaultExecObservationConvention.INSTANCE, () -> context, registry)
        .parentObservation(registry.getCurrentObservation())
        .start()
        .error(refusal)
        .stop();
  }

  private void recordLine(ExecEvent event) {
    if (!wantsOutput()) {
      return;
    }
    Running execution = running.get(event.execId());
    if (execution != null && execution.outputEvents < options.maxOutputEvents()) {
      execution.outputEvents++;
      String name = event.phase() == ExecPhase.STDOUT ? "cuprum.stdout" : "cuprum.stderr";
      execution.observation.event(Observation.Event.of(name, String.valueOf(event.line())));
    }
  }

  private void stop(ExecEvent event) {
    Running execution = running.remove(event.execId());
    if (execution == null) {
      return;
    }
    int exitCode = event.exitCode() == null ? -1 : event.exitCode();
    execution.context.ended(outcome(event, exitCode), exitCode, event.duration());
    execution.observation.stop();
  }

  static ExecOutcome outcome(ExecEvent event, int exitCode) {
    Termination termination = event.termination();
    if (termination == Termination.TIMEOUT) {
      return ExecOutcome.TIMEOUT;
    }
    if (event.note() != null) {
      return ExecOutcome.ERROR;
    }
    if (termination != Termination.NONE) {
      return ExecOutcome.CANCELLED;
    }
    return exitCode == 0 ? ExecOutcome.SUCCESS : ExecOutcome.FAILURE;
  }

  private static final class Running {

    final Observation observation;
    final ExecObservationContext context;
    int outputEvents;

    Running(Observation observation, ExecObservationContext context) {
      this.observation = observation;
      this.context = context;
    }
  }
}
