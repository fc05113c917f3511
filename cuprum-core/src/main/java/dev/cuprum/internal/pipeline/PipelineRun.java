package dev.cuprum.internal.pipeline;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunningPipeline;
import dev.cuprum.ProcessStartException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.internal.events.ExecutionEvents;
import dev.cuprum.internal.observation.CompositeObservations;
import dev.cuprum.internal.observation.ExecObservations;
import dev.cuprum.internal.process.IoThreads;
import dev.cuprum.internal.process.Launcher;
import dev.cuprum.internal.process.OutputChannel;
import dev.cuprum.internal.process.StdinFeeder;
import dev.cuprum.internal.process.StreamPump;
import dev.cuprum.internal.process.Waits;
import dev.cuprum.internal.run.CommandRun;
import dev.cuprum.internal.run.ExecutorConfig;
import dev.cuprum.internal.run.RunContext;
import dev.cuprum.internal.run.RunControl;
import dev.cuprum.internal.run.RunEnvironment;
import dev.cuprum.internal.run.RunScope;
import dev.cuprum.internal.run.StartedRun;
import dev.cuprum.internal.run.StdinBytes;
import dev.cuprum.internal.run.Stdio;
import dev.cuprum.internal.util.EnvironmentOverlay;
import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.ReservedTags;
import dev.cuprum.internal.util.SecretValues;
import dev.cuprum.internal.util.StageExits;
import dev.cuprum.micrometer.ExecOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline on the calling thread.
 *
 * <p>Every stage is checked against the allowlist before anything runs; then, stage by stage,
 * PLAN and the before hooks; then all stages start, left to right. The run waits for the stages
 * in the order they exit. The first stage to exit non-zero is the failure; if it is not the last
 * stage, every stage still running is ended (fail-fast). A non-final stage that dies of SIGPIPE
 * (exit 141) because its reader finished early is not a failure, as in a shell. One timeout
 * covers the whole pipeline. After the last exit: EXIT for every stage in stage order, then the
 * after hooks of every stage in stage order.
 */
public final class PipelineRun {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");

  private final ExecutorConfig config;
  private final List<SafeCmd> stages;
  private final RunOptions options;
  private final RunControl control;

  public PipelineRun(ExecutorConfig config, Pipeline pipeline, RunOptions options, RunControl control) {
    this.config = config;
    this.stages = pipeline.stages().stream().map(config::inCatalogue).toList();
    this.options = options;
    this.control = control;
  }

  public PipelineResult execute() {
    if (options.stdin() != null && options.stdin().isPipe()) {
      throw new InvalidArgumentException("StdinInput.pipe() is written through RunningPipeline.stdin(): start the "
          + "pipeline with CommandExecutor.start");
    }
    CuprumContext context = CuprumContext.current();
    for (SafeCmd stage : stages) {
      config.checkAllowed(stage, context);
    }
    ObservationRegistry registry = config.observationRegistry();
    if (registry.isNoop()) {
      return spawn(context, false).finish();
    }
    Observation observation = CompositeObservations.startPipeline(registry, stages.size());
    return observed(observation, () -> observation.scoped(() -> spawn(context, false).finish()));
  }

  /**
   * Starts the stages on the calling thread (allowlist, PLAN, before hooks and spawns, whose
   * failures are thrown here) and finishes the run on an I/O thread while the caller reads.
   */
  public RunningPipeline start() {
    CuprumContext context = CuprumContext.current();
    for (SafeCmd stage : stages) {
      config.checkAllowed(stage, context);
    }
    ObservationRegistry registry = config.observationRegistry();
    Observation observation = registry.isNoop() ? null : CompositeObservations.startPipeline(registry, stages.size());
    Running running;
    try {
      running = observation == null ? spawn(context, true) : observation.scoped(() -> spawn(context, true));
    } catch (RuntimeException | Error e) {
      if (observation != null) {
        CompositeObservations.stop(observation, outcomeOf(e), e);
      }
      throw e;
    }
    Supplier<PipelineResult> finish = observation == null ? running::finish
        : () -> observed(observation, () -> observation.scoped(running::finish));
    return new StartedPipeline(Pipeline.of(stages), running.pids(), running, finish, control, running.firstStdin(),
        running.execution.charset(), running::stdinClosed);
  }

  /** Runs {@code work} and stops the pipeline's observation with its outcome. */
  private static PipelineResult observed(Observation observation, Supplier<PipelineResult> work) {
    ExecOutcome outcome = ExecOutcome.ERROR;
    Throwable error = null;
    try {
      PipelineResult result = work.get();
      outcome = result.ok() ? ExecOutcome.SUCCESS : ExecOutcome.FAILURE;
      return result;
    } catch (RuntimeException | Error e) {
      outcome = outcomeOf(e);
      error = e;
      throw e;
    } finally {
      CompositeObservations.stop(observation, outcome, error);
    }
  }

  private static ExecOutcome outcomeOf(Throwable error) {
    if (error instanceof TimeoutExpiredException) {
      return ExecOutcome.TIMEOUT;
    }
    return error instanceof CommandCancelledException ? ExecOutcome.CANCELLED : ExecOutcome.ERROR;
  }

  private Running spawn(CuprumContext context, boolean streaming) {
    RunContext execution = config.contextFor(options.context());
    if (options.stderrFile() != null || options.mergeStderr()) {
      throw new InvalidArgumentException("A pipeline takes no stderrFile and no mergeStderr: each stage's stderr is its "
          + "own; run a stage as sh -c '... 2>&1' to merge it");
    }
    Stdio stdio = Stdio.of(options, StdinBytes.of(options.stdin(), execution.charset(), execution.malformedInput()),
        streaming);
    RunScope scope = RunScope.of(config, context);
    Duration timeout = config.timeoutFor(options, scope);
    Map<String, String> env = RunEnvironment.of(scope.envOverlay(), execution);
    int count = stages.size();
    List<ExecutionEvents> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SafeCmd stage = stages.get(i);
      Map<String, Object> stageTags = Map.of(ReservedTags.PIPELINE_STAGE_INDEX, i, ReservedTags.PIPELINE_STAGES, count);
      ExecutionEvents stageEvents = ExecutionEvents.of(scope.observeHooks(), config.observations() != null, stage,
          stages, execution.cwd(), env,
          ExecutionEvents.tags(stage.project().name(), options.capture(), options.echo(), stageTags, execution.tags()),
          failure -> control.stop(Termination.CANCELLED, failure));
      events.add(stageEvents);
      stageEvents.plan();
      CommandRun.throwIfFailed(stageEvents.failure());
      for (BeforeHook hook : scope.beforeHooks()) {
        hook.before(stage);
      }
    }
    if (control.stoppedBeforeStart()) {
      control.restoreInterrupt();
      CommandRun.throwIfFailed(control.stopCause());
      throw new CommandCancelledException(commands(), null);
    }

    ExecObservations observations = config.observations();
    List<Process> processes;
    try {
      List<ProcessBuilder> builders = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Map<String, String> stageEnv = env;
        if (observations != null) {
          ExecObservations.Running observation = observations.start(stages.get(i), execution.cwd(), i, count);
          events.get(i).attach(observation);
          stageEnv = EnvironmentOverlay.merge(observation.traceEnvironment(), env);
        }
        ProcessBuilder builder = Launcher.builder(stages.get(i), config.programPaths(), execution.cwd(), stageEnv);
        if (i == 0) {
          builder.redirectInput(stdio.input());
        }
        if (i == count - 1) {
          builder.redirectOutput(stdio.output());
        }
        builder.redirectError(stdio.error());
        builders.add(builder);
      }
      processes = start(builders);
    } catch (RuntimeException | Error e) {
      events.forEach(stageEvents -> stageEvents.notStarted(e));
      throw e;
    }
    long started = System.nanoTime();
    List<String> secrets = new ArrayList<>(Masking.sensitiveValues(env));
    for (SafeCmd stage : stages) {
      for (int i = 0; i < stage.argv().size(); i++) {
        if (stage.isSecret(i)) {
          secrets.addAll(Masking.secretParts(stage.argv().get(i)));
        }
      }
    }
    return new Running(execution, scope, events, timeout, processes, started, stdio, secrets, streaming);
  }

  private List<Process> start(List<ProcessBuilder> builders) {
    try {
      return config.launcher().startPipeline(builders);
    } catch (IOException e) {
      // The JDK has already killed and reaped the stages it started.
      throw new ProcessStartException(failedStage(e).program(), e);
    }
  }

  private SafeCmd failedStage(IOException e) {
    String message = String.valueOf(e.getMessage());
    for (SafeCmd stage : stages) {
      if (message.contains("\"" + stage.program().name() + "\"")) {
        return stage;
      }
    }
    return stages.get(0);
  }

  private List<List<String>> commands() {
    return stages.stream().map(SafeCmd::maskedArgvWithProgram).toList();
  }

  /** The state of the started stages, until the result. */
  private final class Running implements StartedRun.Channels {

    private final RunContext execution;
    private final RunScope scope;
    private final List<ExecutionEvents> events;
    private final @Nullable Duration timeout;
    private final List<Process> processes;
    private final long started;
    private final long[] pids;
    private final long[] activeKeys;
    private final Integer[] exitCodes;
    private final long[] exitTimes;
    private final Termination[] terminations;
    private final StreamPump[] stderr;
    private final LinkedBlockingQueue<Integer> exits = new LinkedBlockingQueue<>();
    private @Nullable StreamPump stdout;
    private @Nullable StdinFeeder feeder;
    private @Nullable Integer failureIndex;
    /** Every stage's secrets and the sensitive environment values: any stage's output may carry them. */
    private final List<String> secrets;
    private final @Nullable OutputChannel stdoutChannel;
    private final boolean stdinPipe;

    Running(
        RunContext execution, RunScope scope, List<ExecutionEvents> events, @Nullable Duration timeout,
        List<Process> processes, long started, Stdio stdio, List<String> secrets, boolean streaming) {
      this.secrets = secrets;
      this.stdoutChannel = streaming && stdio.pumpsOutput()
          ? new OutputChannel(execution.maxCaptureBytes(), () -> control.stop(Termination.CANCELLED, null)) : null;
      this.stdinPipe = options.stdin() != null && options.stdin().isPipe();
      this.execution = execution;
      this.scope = scope;
      this.events = events;
      this.timeout = timeout;
      this.processes = processes;
      this.started = started;
      int count = processes.size();
      this.pids = new long[count];
      this.activeKeys = new long[count];
      this.exitCodes = new Integer[count];
      this.exitTimes = new long[count];
      this.terminations = new Termination[count];
      this.stderr = new StreamPump[count];
      for (int i = 0; i < count; i++) {
        pids[i] = Launcher.pid(processes.get(i));
        activeKeys[i] = config.activeRuns().add(stages.get(i), pids[i]);
        terminations[i] = Termination.NONE;
        events.get(i).start(pids[i]);
      }
      try {
        for (int i = 0; i < count; i++) {
          int index = i;
          Process process = processes.get(i);
          IoThreads.start(process, () -> {
            Waits.waitFor(process);
            exits.add(index);
          });
          if (stdio.pumpsError()) {
            stderr[i] = pump(process.getErrorStream(), ExecPhase.STDERR, events.get(i), execution.stderrSink(),
                System.err);
          }
        }
        Process last = processes.get(count - 1);
        if (stdio.pumpsOutput()) {
          stdout = pump(last.getInputStream(), ExecPhase.STDOUT, events.get(count - 1), execution.stdoutSink(),
              System.out, stdoutChannel);
        }
        if (stdio.feedsStdin()) {
          feeder = new StdinFeeder(processes.get(0).getOutputStream(), stdio.payload(), stdio.source(), events.get(0),
              pids[0]).start();
        }
      } catch (RuntimeException | Error e) {
        config.launcher().terminate(processes, execution.cancelGrace());
        for (int i = 0; i < count; i++) {
          int exitCode = Waits.waitFor(processes.get(i));
          config.activeRuns().remove(activeKeys[i]);
          events.get(i).exit(exitCode, Duration.ofNanos(System.nanoTime() - started), Termination.CANCELLED,
              "could not start output pumping: " + e, e);
        }
        throw e;
      }
    }

    PipelineResult finish() {
      Termination stop = awaitStages();
      if (stop != Termination.NONE) {
        endRunning(stop);
      }
      for (int i = 0; i < processes.size(); i++) {
        if (exitCodes[i] == null) {
          exitCodes[i] = Waits.waitFor(processes.get(i));
          exitTimes[i] = System.nanoTime();
        }
        config.activeRuns().remove(activeKeys[i]);
      }
      boolean stdoutTaken = stdoutChannel != null && stdoutChannel.release();
      drain(System.nanoTime() + execution.drainTimeout().toNanos(), stdoutTaken);

      CodingErrorAction malformed = stop == Termination.NONE ? execution.malformedInput() : CodingErrorAction.REPLACE;
      List<CommandResult> results = new ArrayList<>(processes.size());
      try {
        for (int i = 0; i < processes.size(); i++) {
          boolean last = i == processes.size() - 1;
          String out = last && stdout != null && !stdoutTaken ? stdout.text(execution.charset(), malformed) : null;
          String err = stderr[i] == null ? null : stderr[i].text(execution.charset(), malformed);
          boolean truncated = last && stdout != null && stdout.truncated() || stderr[i] != null && stderr[i].truncated();
          results.add(new CommandResult(stages.get(i).program(), SecretValues.attach(stages.get(i).argv(), secrets),
              exitCodes[i], pids[i], out, err,
              Duration.ofNanos(exitTimes[i] - started), truncated, terminations[i]));
        }
      } catch (RuntimeException e) {
        emitExits(e.toString(), index -> e);
        control.restoreInterrupt();
        throw e;
      }
      Throwable stopCause = control.stopCause();
      RuntimeException ended = switch (stop) {
        case TIMEOUT -> new TimeoutExpiredException(commands(), control.timeoutLimit(timeout),
            results.get(results.size() - 1).stdout(), joinedStderr(results));
        case CANCELLED, FAIL_FAST -> stopCause == null ? new CommandCancelledException(commands(), null)
            : CommandRun.asUnchecked(stopCause);
        case NONE -> null;
      };
      emitExits(stopCause == null ? null : "ended because " + stopCause, index -> switch (terminations[index]) {
        case TIMEOUT, CANCELLED -> ended;
        // Ended because another stage failed first: a cancellation, which the outcome shows.
        case FAIL_FAST -> null;
        case NONE -> StageExits.isFailure(index, results.size(), exitCodes[index])
            ? new NonZeroExitException(results.get(index)) : null;
      });
      control.restoreInterrupt();
      if (ended != null) {
        throw ended;
      }
      for (ExecutionEvents stageEvents : events) {
        CommandRun.throwIfFailed(stageEvents.failure());
      }
      StreamPump.throwIfFailed(stdoutTaken ? null : stdout);
      for (StreamPump pump : stderr) {
        StreamPump.throwIfFailed(pump);
      }
      runAfterHooks(results);
      return new PipelineResult(results, failureIndex);
    }

    /** Collects exits in the order they happen until every stage exited or the run must stop. */
    private Termination awaitStages() {
      int count = processes.size();
      int remaining = count;
      boolean nonPositiveTimeout = timeout != null && (timeout.isZero() || timeout.isNegative());
      long deadline = timeout == null ? Long.MAX_VALUE : CommandRun.deadline(started, timeout);
      while (remaining > 0) {
        if (nonPositiveTimeout) {
          return Termination.TIMEOUT;
        }
        Integer[] next = new Integer[1];
        Termination stop = control.await(nanos -> (next[0] = exits.poll(nanos, TimeUnit.NANOSECONDS)) != null, deadline);
        if (stop != Termination.NONE) {
          return stop;
        }
        int index = next[0];
        exitCodes[index] = processes.get(index).exitValue();
        exitTimes[index] = System.nanoTime();
        remaining--;
        if (failureIndex == null && StageExits.isFailure(index, count, exitCodes[index])) {
          failureIndex = index;
          if (index < count - 1) {
            endRunning(Termination.FAIL_FAST);
          }
        }
      }
      return Termination.NONE;
    }

    /** Ends every stage that has not exited yet, marking it with the reason. */
    private void endRunning(Termination reason) {
      List<Process> running = new ArrayList<>();
      for (int i = 0; i < processes.size(); i++) {
        if (exitCodes[i] == null && processes.get(i).isAlive()) {
          running.add(processes.get(i));
          terminations[i] = reason;
        }
      }
      config.launcher().terminate(running, execution.cancelGrace());
    }

    private void drain(long deadline, boolean stdoutTaken) {
      List<StreamPump> pumps = new ArrayList<>();
      if (stdout != null && stdoutTaken) {
        // Given the same time, so that its last lines' events come before EXIT; never abandoned.
        stdout.awaitEnd(deadline);
      } else if (stdout != null) {
        pumps.add(stdout);
      }
      for (StreamPump pump : stderr) {
        if (pump != null) {
          pumps.add(pump);
        }
      }
      for (StreamPump pump : pumps) {
        if (!pump.awaitEnd(deadline)) {
          String hook = events.stream().map(ExecutionEvents::hookInCall).filter(Objects::nonNull).findFirst()
              .orElse(null);
          LOG.warn("cuprum.drain_timeout pipeline={}: an output pipe is still open {} after the stages exited ({}); "
              + "the rest of its output is dropped", commands(), execution.drainTimeout(),
              hook == null ? "a descendant holds it" : "observe hook " + hook + " has not returned");
          pump.abandon();
        }
      }
      if (feeder != null && !feeder.awaitEnd(deadline)) {
        feeder.abandon();
      }
    }

    /** The EXIT of every stage; {@code errors} gives each stage's error (see {@link ExecutionEvents#exit}). */
    private void emitExits(@Nullable String note, IntFunction<@Nullable Throwable> errors) {
      for (int i = 0; i < processes.size(); i++) {
        events.get(i).exit(exitCodes[i], Duration.ofNanos(exitTimes[i] - started), terminations[i], note,
            errors.apply(i));
      }
    }

    private void runAfterHooks(List<CommandResult> results) {
      RuntimeException first = null;
      for (int i = 0; i < results.size(); i++) {
        for (AfterHook hook : scope.afterHooks()) {
          try {
            hook.after(stages.get(i), results.get(i));
          } catch (RuntimeException e) {
            if (first == null) {
              first = e;
            } else {
              first.addSuppressed(e);
            }
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }

    private StreamPump pump(
        InputStream in, ExecPhase phase, ExecutionEvents stageEvents, @Nullable OutputStream sink,
        OutputStream jvmStream) {
      return pump(in, phase, stageEvents, sink, jvmStream, null);
    }

    private StreamPump pump(
        InputStream in, ExecPhase phase, ExecutionEvents stageEvents, @Nullable OutputStream sink,
        OutputStream jvmStream, @Nullable OutputChannel channel) {
      OutputStream echo = options.echo() ? (sink != null ? sink : jvmStream) : null;
      Consumer<List<String>> lines = stageEvents.wantsOutput() ? read -> stageEvents.lines(phase, read) : null;
      StreamPump pump = StreamPump.of(in, phase == ExecPhase.STDOUT ? "stdout" : "stderr",
          options.capture() ? execution.maxCaptureBytes() : 0, echo, execution.charset(), execution.malformedInput(),
          lines, stageEvents.secretValues());
      return (channel == null ? pump : pump.into(channel)).start();
    }

    List<Long> pids() {
      List<Long> all = new ArrayList<>(pids.length);
      for (long pid : pids) {
        all.add(pid);
      }
      return List.copyOf(all);
    }

    @Nullable OutputStream firstStdin() {
      return stdinPipe ? processes.get(0).getOutputStream() : null;
    }

    void stdinClosed(long bytes) {
      events.get(0).stdinWritten(bytes);
    }

    @Override
    public OutputChannel stdoutChannel() {
      if (stdoutChannel == null) {
        throw new IllegalStateException("The last stage's stdout does not come to the JVM: it goes to the file "
            + options.stdoutFile());
      }
      return stdoutChannel;
    }

    @Override
    public OutputChannel stderrChannel() {
      throw new IllegalStateException("Each stage's stderr is captured into its result");
    }

    @Override
    public void release() {
      if (stdoutChannel != null) {
        stdoutChannel.discard();
      }
    }
  }

  private static @Nullable String joinedStderr(List<CommandResult> results) {
    if (results.get(0).stderr() == null) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    results.forEach(result -> joined.append(Objects.requireNonNullElse(result.stderr(), "")));
    return joined.toString();
  }
}
