package dev.cuprum.internal.run;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandResult;
import dev.cuprum.CuprumException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.internal.events.ExecutionEvents;
import dev.cuprum.internal.observation.ExecObservations;
import dev.cuprum.internal.process.Launcher;
import dev.cuprum.internal.process.OutputChannel;
import dev.cuprum.internal.process.StdinFeeder;
import dev.cuprum.internal.process.StreamPump;
import dev.cuprum.internal.process.Waits;
import dev.cuprum.internal.util.EnvironmentOverlay;
import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.SecretValues;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one command, from the allowlist check to the after hooks, on the calling thread.
 *
 * <p>The order is fixed: allowlist, stdin encoding, PLAN, before hooks, spawn, START, output and
 * stdin pumping, wait (until exit, timeout or stop request), tree termination if needed, bounded
 * drain, EXIT, after hooks. Every started process gets exactly one EXIT event.
 */
public final class CommandRun {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");

  private final ExecutorConfig config;
  private final SafeCmd cmd;
  private final RunOptions options;
  private final RunControl control;

  /** @param control the run's cancellation handle */
  public CommandRun(ExecutorConfig config, SafeCmd cmd, RunOptions options, RunControl control) {
    this.config = config;
    this.cmd = config.inCatalogue(cmd);
    this.options = options;
    this.control = control;
  }

  /** Runs the command on the calling thread and returns once it has exited and drained. */
  public CommandResult execute() {
    if (options.stdin() != null && options.stdin().isPipe()) {
      throw new InvalidArgumentException("StdinInput.pipe() is written through RunningProcess.stdin(): start the "
          + "command with CommandExecutor.start");
    }
    return spawn(false).finish();
  }

  /**
   * Starts the command on the calling thread (allowlist, PLAN, before hooks and the spawn happen
   * here, and their failures are thrown here) and finishes it on an I/O thread, while the caller
   * reads its output.
   */
  public RunningProcess start() {
    Objects.requireNonNull(cmd, "cmd");
    Running running = spawn(true);
    return new StartedProcess(cmd, running.pid, running, running::finish, control, options.stdin() != null
        && options.stdin().isPipe() ? running.process.getOutputStream() : null, running.execution.charset(),
        running::stdinClosed);
  }

  private Running spawn(boolean streaming) {
    CuprumContext context = CuprumContext.current();
    config.checkAllowed(cmd, context);
    RunContext execution = config.contextFor(options.context());
    Stdio stdio = Stdio.of(options, StdinBytes.of(options.stdin(), execution.charset(), execution.malformedInput()),
        streaming);
    RunScope scope = RunScope.of(config, context);
    Duration timeout = config.timeoutFor(options, scope);
    Map<String, String> env = RunEnvironment.of(scope.envOverlay(), execution);
    ExecObservations observations = config.observations();
    ExecutionEvents events = ExecutionEvents.of(scope.observeHooks(), observations != null, cmd, List.of(cmd),
        execution.cwd(), env,
        ExecutionEvents.tags(cmd.project().name(), options.capture(), options.echo(), Map.of(), execution.tags()),
        failure -> control.stop(Termination.CANCELLED, failure));

    events.plan();
    throwIfFailed(events.failure());
    for (BeforeHook hook : scope.beforeHooks()) {
      hook.before(cmd);
    }
    if (control.stoppedBeforeStart()) {
      control.restoreInterrupt();
      throwIfFailed(control.stopCause());
      throw cancelled(null);
    }

    Map<String, String> childEnv = env;
    if (observations != null) {
      ExecObservations.Running observation = observations.start(cmd, execution.cwd(), null, null);
      events.attach(observation);
      childEnv = EnvironmentOverlay.merge(observation.traceEnvironment(), env);
    }
    Process process;
    try {
      ProcessBuilder builder = Launcher.builder(cmd, config.programPaths(), execution.cwd(), childEnv);
      stdio.applyTo(builder);
      process = control.startUnlessStopped(() -> Launcher.start(config.launcher(), builder, cmd));
    } catch (RuntimeException | Error e) {
      events.notStarted(e);
      throw e;
    }
    if (process == null) {
      RuntimeException refused = control.stopReason() == Termination.TIMEOUT
          ? new TimeoutExpiredException(cmd.maskedArgvWithProgram(), control.timeoutLimit(timeout), null, null)
          : control.stopCause() != null ? asUnchecked(control.stopCause()) : cancelled(null);
      events.notStarted(refused);
      control.restoreInterrupt();
      throw refused;
    }
    long started = System.nanoTime();
    return new Running(execution, events, scope, timeout, process, started, stdio, Masking.sensitiveValues(env),
        streaming);
  }

  /** The state of a started process, until its result. */
  private final class Running implements StartedProcess.Channels {

    private final RunContext execution;
    private final ExecutionEvents events;
    private final RunScope scope;
    private final @Nullable Duration timeout;
    private final Process process;
    private final long started;
    private final long pid;
    private final long activeKey;
    private @Nullable StreamPump stdout;
    private @Nullable StreamPump stderr;
    private @Nullable StdinFeeder feeder;
    private final List<String> sensitiveValues;
    private final @Nullable OutputChannel stdoutChannel;
    private final @Nullable OutputChannel stderrChannel;

    Running(
        RunContext execution, ExecutionEvents events, RunScope scope, @Nullable Duration timeout, Process process,
        long started, Stdio stdio, List<String> sensitiveValues, boolean streaming) {
      this.sensitiveValues = sensitiveValues;
      Runnable cancel = () -> control.stop(Termination.CANCELLED, null);
      this.stdoutChannel = streaming && stdio.pumpsOutput() ? new OutputChannel(execution.maxCaptureBytes(), cancel) : null;
      this.stderrChannel = streaming && stdio.pumpsError() ? new OutputChannel(execution.maxCaptureBytes(), cancel) : null;
      this.execution = execution;
      this.events = events;
      this.scope = scope;
      this.timeout = timeout;
      this.process = process;
      this.started = started;
      this.pid = Launcher.pid(process);
      this.activeKey = config.activeRuns().add(cmd, pid);
      events.start(pid);
      try {
        if (stdio.pumpsOutput()) {
          stdout = pump(ExecPhase.STDOUT, execution.stdoutSink(), System.out, stdoutChannel);
        }
        if (stdio.pumpsError()) {
          stderr = pump(ExecPhase.STDERR, execution.stderrSink(), System.err, stderrChannel);
        }
        if (stdio.feedsStdin()) {
          feeder = new StdinFeeder(process.getOutputStream(), stdio.payload(), stdio.source(), events, pid).start();
        }
      } catch (RuntimeException | Error e) {
        config.launcher().terminate(List.of(process), execution.cancelGrace());
        Waits.waitFor(process);
        config.activeRuns().remove(activeKey);
        events.exit(exitValue(), Duration.ofNanos(System.nanoTime() - started), Termination.CANCELLED,
            "could not start output pumping: " + e, e);
        throw e;
      }
    }

    CommandResult finish() {
      Termination termination = waitForExit();
      if (termination != Termination.NONE) {
        config.launcher().terminate(List.of(process), execution.cancelGrace());
      }
      int exitCode = Waits.waitFor(process);
      Duration duration = Duration.ofNanos(System.nanoTime() - started);
      config.activeRuns().remove(activeKey);
      // A stream a caller took is read at the caller's pace: the result does not wait for it.
      boolean stdoutTaken = stdoutChannel != null && stdoutChannel.release();
      boolean stderrTaken = stderrChannel != null && stderrChannel.release();
      drain(System.nanoTime() + execution.drainTimeout().toNanos(), stdoutTaken, stderrTaken);

      String out;
      String err;
      try {
        // Output cut short by a kill can end inside a character: never fail on that.
        CodingErrorAction malformed = termination == Termination.NONE ? execution.malformedInput() : CodingErrorAction.REPLACE;
        out = stdout == null || stdoutTaken ? null : stdout.text(execution.charset(), malformed);
        err = stderr == null || stderrTaken ? null : stderr.text(execution.charset(), malformed);
      } catch (RuntimeException e) {
        events.exit(exitCode, duration, termination, e.toString(), e);
        control.restoreInterrupt();
        throw e;
      }
      boolean truncated = stdout != null && stdout.truncated() || stderr != null && stderr.truncated();
      CommandResult result = new CommandResult(cmd.program(),
          SecretValues.attach(cmd.argv(), sensitiveValues), exitCode, pid, out, err, duration, truncated,
          termination);
      Throwable stopCause = control.stopCause();
      RuntimeException ended = switch (termination) {
        case TIMEOUT -> new TimeoutExpiredException(cmd.maskedArgvWithProgram(), control.timeoutLimit(timeout), out,
            err);
        case CANCELLED, FAIL_FAST -> stopCause == null ? cancelled(null) : asUnchecked(stopCause);
        case NONE -> null;
      };
      events.exit(exitCode, duration, termination, stopCause == null ? null : "ended because " + stopCause,
          ended != null ? ended : result.ok() ? null : new NonZeroExitException(result));
      control.restoreInterrupt();
      if (ended != null) {
        throw ended;
      }
      throwIfFailed(events.failure());
      StreamPump.throwIfFailed(stdoutTaken ? null : stdout);
      StreamPump.throwIfFailed(stderrTaken ? null : stderr);
      for (AfterHook hook : scope.afterHooks()) {
        hook.after(cmd, result);
      }
      return result;
    }

    private Termination waitForExit() {
      if (timeout == null) {
        return control.awaitExit(process, Long.MAX_VALUE);
      }
      if (timeout.isNegative() || timeout.isZero()) {
        return Termination.TIMEOUT;
      }
      return control.awaitExit(process, deadline(started, timeout));
    }

    private void drain(long deadline, boolean stdoutTaken, boolean stderrTaken) {
      // A taken stream's pump is given the same time to end, so that its last lines' events come
      // before EXIT; a reader that is behind keeps it, and whatever it has not read yet, for itself.
      for (StreamPump taken : new StreamPump[] {stdoutTaken ? stdout : null, stderrTaken ? stderr : null}) {
        if (taken != null) {
          taken.awaitEnd(deadline);
        }
      }
      for (StreamPump pump : new StreamPump[] {stdoutTaken ? null : stdout, stderrTaken ? null : stderr}) {
        if (pump != null && !pump.awaitEnd(deadline)) {
          String hook = events.hookInCall();
          LOG.warn("cuprum.drain_timeout pid={} program={}: an output pipe is still open {} after exit ({}); the "
              + "rest of its output is dropped", pid, cmd.program(), execution.drainTimeout(),
              hook == null ? "a descendant holds it" : "observe hook " + hook + " has not returned");
          pump.abandon();
        }
      }
      if (feeder != null && !feeder.awaitEnd(deadline)) {
        feeder.abandon();
      }
    }

    private StreamPump pump(
        ExecPhase phase, @Nullable OutputStream sink, PrintStream jvmStream, @Nullable OutputChannel channel) {
      OutputStream echo = options.echo() ? (sink != null ? sink : jvmStream) : null;
      Consumer<List<String>> lines = events.wantsOutput() ? read -> events.lines(phase, read) : null;
      StreamPump pump = StreamPump.of(phase == ExecPhase.STDOUT ? process.getInputStream() : process.getErrorStream(),
          phase.name().toLowerCase(Locale.ROOT), options.capture() ? execution.maxCaptureBytes() : 0, echo,
          execution.charset(), execution.malformedInput(), lines, events.secretValues());
      return (channel == null ? pump : pump.into(channel)).start();
    }

    @Override
    public OutputChannel stdoutChannel() {
      if (stdoutChannel == null) {
        throw new IllegalStateException("Stdout does not come to the JVM: it goes to " + (options.stdoutFile() != null
            ? "the file " + options.stdoutFile() : "nothing (capture and echo are off)"));
      }
      return stdoutChannel;
    }

    @Override
    public OutputChannel stderrChannel() {
      if (stderrChannel == null) {
        throw new IllegalStateException("Stderr does not come to the JVM on its own: " + (options.mergeStderr()
            ? "it is merged into stdout" : options.stderrFile() != null ? "it goes to the file " + options.stderrFile()
            : "capture and echo are off"));
      }
      return stderrChannel;
    }

    @Override
    public void release() {
      for (OutputChannel channel : new OutputChannel[] {stdoutChannel, stderrChannel}) {
        if (channel != null) {
          channel.discard();
        }
      }
    }

    void stdinClosed(long bytes) {
      events.stdinWritten(bytes);
    }

    private int exitValue() {
      return process.isAlive() ? -1 : process.exitValue();
    }
  }

  /** The {@link System#nanoTime()} at which a timeout started at {@code start} elapses. */
  public static long deadline(long start, Duration timeout) {
    try {
      return Math.addExact(start, timeout.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private CommandCancelledException cancelled(@Nullable Throwable cause) {
    return new CommandCancelledException(cmd.maskedArgvWithProgram(), cause);
  }

  /** A failure as an unchecked exception: itself when it is one, wrapped otherwise. */
  public static RuntimeException asUnchecked(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new CuprumException("A hook failed: " + failure, failure);
  }

  /** Rethrows a hook's failure unchanged when it is unchecked. */
  public static void throwIfFailed(@Nullable Throwable failure) {
    if (failure != null) {
      throw asUnchecked(failure);
    }
  }
}
