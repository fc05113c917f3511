package dev.cuprum.events;

import dev.cuprum.Program;
import dev.cuprum.Termination;
import dev.cuprum.internal.util.ReservedTags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to one execution. Events of one execution share an {@link #execId()}
 * and reach each hook one at a time, in phase order.
 *
 * @param phase what happened
 * @param program the program
 * @param argv the argv including the program, secrets masked
 * @param cwd the working directory, or null for the JVM's
 * @param env the environment overlay only (never the whole environment), sensitive values masked
 * @param pid the process id; null before the process starts
 * @param timestamp wall-clock time of the event
 * @param line the output line, terminator stripped (STDOUT and STDERR)
 * @param exitCode the exit status (EXIT)
 * @param duration spawn to exit (EXIT)
 * @param tags the run's own tags, then the tags Cuprum sets, which no context may set (see
 *     {@link dev.cuprum.ExecutionContext#RESERVED_TAG_KEYS}): {@code project}, {@code capture},
 *     {@code echo}, {@code pipeline_stage_index} and {@code pipeline_stages} in pipelines, and on
 *     EXIT {@code termination} when Cuprum ended the process; read them through the typed methods
 * @param note a human-readable detail, such as the error of a STDIN_ERROR
 * @param byteCount bytes written to stdin (STDIN)
 * @param operation {@code write} or {@code close} (STDIN_ERROR)
 * @param errorType the exception class name (STDIN_ERROR)
 * @param execId the identity of the execution, unique even when the OS reuses a pid
 */
public record ExecEvent(
    ExecPhase phase,
    Program program,
    List<String> argv,
    @Nullable Path cwd,
    Map<String, String> env,
    @Nullable Long pid,
    Instant timestamp,
    @Nullable String line,
    @Nullable Integer exitCode,
    @Nullable Duration duration,
    Map<String, Object> tags,
    @Nullable String note,
    @Nullable Long byteCount,
    @Nullable String operation,
    @Nullable String errorType,
    UUID execId) {

  public ExecEvent {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(argv, "argv");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(execId, "execId");
  }

  /** The {@code project} tag, or null when the run's tags removed it. */
  /**
   * The project the executor's catalogue assigns to the program (tag {@code project}), or null for
   * an event built without one.
   */
  public @Nullable String project() {
    return tags.get(ReservedTags.PROJECT) instanceof String project ? project : null;
  }

  /**
   * Why Cuprum ended the process (tag {@code termination} of EXIT events), or
   * {@link Termination#NONE} when it ended on its own or the event is not an EXIT.
   */
  public Termination termination() {
    return tags.get(ReservedTags.TERMINATION) instanceof String value ? Termination.ofTagValue(value) : Termination.NONE;
  }

  /** The index of the command's stage in its pipeline, or null outside pipelines. */
  public @Nullable Integer pipelineStageIndex() {
    return tags.get(ReservedTags.PIPELINE_STAGE_INDEX) instanceof Integer index ? index : null;
  }

  /** The number of stages of the command's pipeline, or null outside pipelines. */
  public @Nullable Integer pipelineStages() {
    return tags.get(ReservedTags.PIPELINE_STAGES) instanceof Integer stages ? stages : null;
  }
}
