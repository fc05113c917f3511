package dev.cuprum;

import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentExecutionException;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.ExecHook;
import dev.cuprum.internal.DefaultCommandExecutor;
import dev.cuprum.micrometer.ObservationOptions;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands, pipelines and batches. Thread-safe; build one per application and share it.
 *
 * <p>Every run checks the program against the executor's enforced allowlist and the calling
 * thread's {@link dev.cuprum.context.CuprumContext}, runs the before hooks, spawns the process
 * (never through a shell), streams its output, waits for it to exit and runs the after hooks.
 * A non-zero exit is a result, not an exception.
 *
 * <p>A context given to a call ({@link RunOptions#context()}) overrides the executor's default
 * context field by field: what it leaves unset keeps the executor's default (see
 * {@link ExecutionContext}).
 *
 * <p>The timeout of a run is the first of: {@link RunOptions#timeout()},
 * {@link ExecutionContext#timeout()}, the innermost scoped timeout, the executor's default
 * timeout. When it elapses, or the run is cancelled, the process and every descendant get
 * SIGTERM, then SIGKILL after {@link ExecutionContext#cancelGrace()}.
 *
 * <p>A synchronous run on an interrupted thread ends the process the same way, restores the
 * interrupt flag and throws {@link CommandCancelledException}.
 */
public interface CommandExecutor extends AutoCloseable {

  /**
   * An executor for the default catalogue that runs only the catalogue's programs, with no hooks
   * or instrumentation.
   */
  static CommandExecutor create() {
    return builder().build();
  }

  static Builder builder() {
    return DefaultCommandExecutor.builder();
  }

  /** The catalogue the executor was built with. */
  ProgramCatalogue catalogue();

  /**
   * What this executor does when a call says nothing: its catalogue, whether it enforces the
   * allowlist, its fully resolved default context and its pinned programs.
   */
  ExecutorSettings settings();

  /**
   * Which launcher starts this executor's processes, for people and dashboards: {@code native: ...}
   * or {@code jdk: ProcessBuilder}, with the reason in parentheses when {@link LaunchMechanism#AUTO}
   * or {@link LaunchMechanism#NATIVE} could not use the native launcher.
   */
  default String launcher() {
    return "unknown: " + getClass().getName() + " does not say";
  }

  /** The processes this executor has started that have not exited yet, oldest first. */
  List<RunningCommand> runningCommands();

  /** Runs a command with {@link RunOptions#defaults()}. */
  CommandResult run(SafeCmd cmd);

  /**
   * Runs a command and waits for it.
   *
   * @throws ForbiddenProgramException when the program may not run here; nothing was started
   * @throws TimeoutExpiredException when the timeout elapsed; the process was ended
   * @throws CommandCancelledException when the thread was interrupted; the process was ended
   * @throws ProcessStartException when the operating system could not start the program
   */
  CommandResult run(SafeCmd cmd, RunOptions options);

  /**
   * Runs a command on the executor's task executor, with the caller's context. Cancelling the
   * future ({@code cancel(true)} or {@code cancel(false)}) ends the process.
   */
  CompletableFuture<CommandResult> runAsync(SafeCmd cmd, RunOptions options);

  /**
   * Starts a command whose output the caller reads while it runs (see {@link RunningProcess}).
   * The allowlist, stdin checks, before hooks and the spawn happen on the calling thread, and their
   * failures are thrown here; the rest of the run happens as the process runs. The run's timeout
   * starts now.
   *
   * @throws ForbiddenProgramException when the program may not run
   * @throws ExecutorShutdownException when the executor has shut down
   */
  RunningProcess start(SafeCmd cmd, RunOptions options);

  /**
   * Starts a pipeline whose last stage's output the caller reads while the stages run (see
   * {@link RunningPipeline}). The allowlist, before hooks and spawns happen on the calling thread.
   *
   * @throws ForbiddenProgramException when a stage's program may not run; none was started
   * @throws ExecutorShutdownException when the executor has shut down
   */
  RunningPipeline start(Pipeline pipeline, RunOptions options);

  /** Runs a pipeline with {@link RunOptions#defaults()}. */
  PipelineResult run(Pipeline pipeline);

  /**
   * Runs a pipeline and waits for every stage. Stages are linked by kernel pipes; only the final
   * stage's stdout is captured, every stage's stderr separately. The options' stdin feeds stage
   * 0, which otherwise reads an empty stdin. One timeout covers the whole pipeline; the first
   * non-final stage to fail ends the others.
   */
  PipelineResult run(Pipeline pipeline, RunOptions options);

  /** Runs a pipeline on the executor's task executor; cancelling the future ends every stage. */
  CompletableFuture<PipelineResult> runAsync(Pipeline pipeline, RunOptions options);

  /**
   * Runs commands concurrently and waits for all of them.
   *
   * @throws ConcurrentExecutionException when a command ended with an exception or the batch
   *     timed out, carrying every finished result and every error
   */
  ConcurrentResult runConcurrent(List<SafeCmd> commands, ConcurrentConfig config);

  /** {@link #runConcurrent} without waiting; cancelling the future ends every command. */
  CompletableFuture<ConcurrentResult> runConcurrentAsync(List<SafeCmd> commands, ConcurrentConfig config);

  /**
   * Stops the executor: from now on every run, pipeline and batch is refused at once with
   * {@link ExecutorShutdownException}. Work already running gets up to {@code awaitTermination} to
   * finish; then every process tree still running is ended (SIGTERM, the grace period, SIGKILL)
   * and its caller gets an {@link ExecutorShutdownException}: synchronous calls throw it, futures
   * fail with it, batch members that never started are reported to the batch listener as failed.
   * Returns once the ended work is gone, or after its grace period and drain time (of the
   * executor's default context) and a few seconds more, whichever comes first. Calling it again
   * does no harm.
   *
   * @return true when no work had to be ended
   */
  boolean shutdown(Duration awaitTermination);

  /** Whether {@link #shutdown(Duration)} or {@link #close()} was called. */
  boolean isShutdown();

  /** {@link #shutdown(Duration) shutdown(Duration.ZERO)}: ends whatever still runs, at once. */
  @Override
  default void close() {
    shutdown(Duration.ZERO);
  }

  /** Configures a {@link CommandExecutor}. */
  interface Builder {

    /** The catalogue commands are checked against when the allowlist is enforced. */
    Builder catalogue(ProgramCatalogue catalogue);

    /**
     * Restricts every run to the catalogue's programs, whatever the scopes say. On by default;
     * turning it off lets any program run that the calling thread's scopes allow (all of them,
     * outside a scope) and is logged at WARN once for each executor built that way.
     */
    Builder enforceAllowlist(boolean enforce);

    /** A before hook of the outermost scope: it runs before every scoped before hook. */
    Builder beforeHook(BeforeHook hook);

    /**
     * An after hook of the outermost scope: it runs after every scoped after hook. After hooks
     * run in reverse registration order, so the first one registered wraps the others.
     */
    Builder afterHook(AfterHook hook);

    /** An observe hook of the outermost scope: it receives events before every scoped hook. */
    Builder observeHook(ExecHook hook);

    /** The timeout of runs that get none from their call, context or scope. */
    Builder defaultTimeout(@Nullable Duration timeout);

    /** The default {@link ExecutionContext#cancelGrace()}; overrides the default context's. */
    Builder cancelGrace(Duration grace);

    /**
     * The executor's default context: what a run's context does not set comes from it, and what
     * it does not set from {@link ExecutionContext#defaults()}. {@link #defaultTimeout(Duration)}
     * and {@link #cancelGrace(Duration)} override its timeout and grace.
     */
    Builder defaultContext(ExecutionContext context);

    /**
     * Resolves every catalogue program to its file in the JVM's {@code PATH} when the executor is
     * built, and always runs that file (it becomes the first argv element). Later changes cannot
     * swap the binary; a program not found then fails every run. Off by default.
     */
    Builder pinPrograms(boolean pin);

    /**
     * Registers a JVM shutdown hook that ends every process tree this executor still runs when the
     * JVM exits normally or on SIGTERM ({@code close()}). For applications without Spring, whose
     * starter stops the executor with the application context instead. A JVM killed with SIGKILL
     * runs no hook: see the reliability guide. Off by default.
     */
    Builder shutdownHook(boolean register);

    /**
     * How processes start; by default the mechanism the {@value LaunchMechanism#PROPERTY} system
     * property names, else {@link LaunchMechanism#AUTO}.
     */
    Builder launchMechanism(LaunchMechanism mechanism);

    /** Runs async work and concurrent batches; defaults to a pool documented on the implementation. */
    Builder taskExecutor(Executor executor);

    /**
     * Records a {@code cuprum.exec} observation per command, and a {@code cuprum.pipeline} or
     * {@code cuprum.batch} observation around pipelines and batches.
     */
    Builder observationRegistry(ObservationRegistry registry);

    /** How observations are recorded; {@link ObservationOptions#defaults()} unless set. */
    Builder observationOptions(ObservationOptions options);

    CommandExecutor build();
  }
}
