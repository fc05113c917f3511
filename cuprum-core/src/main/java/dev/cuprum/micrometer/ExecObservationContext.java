package dev.cuprum.micrometer;

import dev.cuprum.Program;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code cuprum.exec} observation knows about its command. The process id, exit details
 * and outcome arrive as the command runs and ends.
 *
 * <p>It is a {@link SenderContext} whose carrier is the child's environment: a tracing handler
 * that propagates context (such as Micrometer Tracing's {@code PropagatingSenderTracingObservationHandler})
 * writes the trace context into it as OpenTelemetry's environment-variable carrier names it
 * ({@code TRACEPARENT}, {@code TRACESTATE}, {@code BAGGAGE}), so an instrumented child continues
 * the trace.
 */
public class ExecObservationContext extends SenderContext<Map<String, String>> {

  private final Program program;
  private final String project;
  private final List<String> argv;
  private final @Nullable Path cwd;
  private final @Nullable Integer stageIndex;
  private final @Nullable Integer stages;
  private long pid = -1;
  private ExecOutcome outcome = ExecOutcome.UNKNOWN;
  private @Nullable Integer exitCode;
  private @Nullable Duration duration;

  /**
   * @param argv the argv with program, secrets masked
   * @param stageIndex the pipeline stage index, or null outside pipelines
   * @param stages the number of pipeline stages, or null outside pipelines
   * @param environment where propagated trace context is written: the child's environment
   */
  public ExecObservationContext(
      Program program, String project, List<String> argv, @Nullable Path cwd, @Nullable Integer stageIndex,
      @Nullable Integer stages, Map<String, String> environment) {
    super((carrier, key, value) -> Objects.requireNonNull(carrier).put(environmentName(key), value), Kind.CLIENT);
    this.program = Objects.requireNonNull(program, "program");
    this.project = Objects.requireNonNull(project, "project");
    this.argv = List.copyOf(argv);
    this.cwd = cwd;
    this.stageIndex = stageIndex;
    this.stages = stages;
    setCarrier(Objects.requireNonNull(environment, "environment"));
    setRemoteServiceName(program.name());
  }

  /**
   * The environment variable that carries a propagation field, as OpenTelemetry's
   * environment-variable carrier names it: {@code traceparent} becomes {@code TRACEPARENT}.
   */
  public static String environmentName(String field) {
    return field.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
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

  /** The process id; -1 until the process has started, or when the operating system gave none. */
  public long pid() {
    return pid;
  }

  public void setPid(long pid) {
    this.pid = pid;
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

  /** Null until the command ends, and for a command that never started. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** Spawn to exit; null until the command ends, and for a command that never started. */
  public @Nullable Duration duration() {
    return duration;
  }

  /** Records how the command ended. */
  public void setEnd(ExecOutcome outcome, @Nullable Integer exitCode, @Nullable Duration duration) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.exitCode = exitCode;
    this.duration = duration;
  }
}
