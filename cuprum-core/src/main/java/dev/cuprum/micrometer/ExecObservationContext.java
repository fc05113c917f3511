package dev.cuprum.micrometer;

import dev.cuprum.Program;
import io.micrometer.observation.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a {@code cuprum.exec} observation knows about its command; exit details arrive at the end. */
public class ExecObservationContext extends Observation.Context {

  private final Program program;
  private final String project;
  private final List<String> argv;
  private final @Nullable Path cwd;
  private final long pid;
  private final @Nullable Integer stageIndex;
  private final @Nullable Integer stages;
  private ExecOutcome outcome = ExecOutcome.UNKNOWN;
  private @Nullable Integer exitCode;
  private @Nullable Duration duration;

  /**
   * @param argv the argv with program, secrets masked
   * @param stageIndex the pipeline stage index, or null outside pipelines
   * @param stages the number of pipeline stages, or null outside pipelines
   */
  public ExecObservationContext(
      Program program, String project, List<String> argv, @Nullable Path cwd, long pid, @Nullable Integer stageIndex,
      @Nullable Integer stages) {
    this.program = Objects.requireNonNull(program, "program");
    this.project = Objects.requireNonNull(project, "project");
    this.argv = List.copyOf(argv);
    this.cwd = cwd;
    this.pid = pid;
    this.stageIndex = stageIndex;
    this.stages = stages;
  }

  public Program program() {
    return program;
  }

  public String project() {
    return project;
  }

  /** The argv with program, secrets masked. */
  public List<String> argv() {
    return argv;
  }

  public @Nullable Path cwd() {
    return cwd;
  }

  public long pid() {
    return pid;
  }

  public @Nullable Integer stageIndex() {
    return stageIndex;
  }

  public @Nullable Integer stages() {
    return stages;
  }

  /** {@link ExecOutcome#UNKNOWN} until the command ends. */
  public ExecOutcome outcome() {
    return outcome;
  }

  /** Null until the command ends. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** Spawn to exit; null until the command ends. */
  public @Nullable Duration duration() {
    return duration;
  }

  void refused() {
    this.outcome = ExecOutcome.REFUSED;
  }

  void ended(ExecOutcome outcome, int exitCode, @Nullable Duration duration) {
    this.outcome = outcome;
    this.exitCode = exitCode;
    this.duration = duration;
  }
}
