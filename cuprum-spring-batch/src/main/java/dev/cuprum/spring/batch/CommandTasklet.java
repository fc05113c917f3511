package dev.cuprum.spring.batch;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.StdinInput;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One command as a step, run through the application's {@link CommandExecutor}, so that its
 * catalogue, hooks, observations and masking apply. The step's exit status comes from the
 * command's result ({@link CommandExitStatusMapper}, by default: exit code 0 completes the step,
 * any other fails it). Output is read while the command runs, so a chatty program never blocks on
 * a full pipe; the end of stdout and stderr, secrets masked, is kept in the step's execution
 * context under the {@code cuprum.*} keys below.
 *
 * <p>Stopping the job ends the command's process tree (SIGTERM, the cancel grace, SIGKILL) and the
 * step ends {@code STOPPED}: at once when the tasklet is called ({@link #stop(StepExecution)}, as
 * {@code JobOperator.stop} does for a tasklet step it can reach), and, when a {@link JobRepository}
 * is given, within the stop check interval once the job execution is marked as stopping there, by
 * any JVM; a step execution someone else saves while its command runs, as
 * {@code JobOperator.recover} does so that a restart runs it again, ends its command too. A timeout
 * ({@link RunOptions#timeout()} or the executor's defaults) fails the step.
 *
 * <p>One tasklet may serve many step executions at once, as the worker step of a partitioned step
 * does; each execution runs its own command.
 */
public final class CommandTasklet implements StoppableTasklet {

  private static final Logger LOG = LoggerFactory.getLogger(CommandTasklet.class);
  /** How long the output may go on after the exit, held open by a descendant, before the step ends. */
  private static final Duration TAIL_WAIT = Duration.ofSeconds(2);

  /** The command, as {@code program arg…} with secrets masked. */
  public static final String COMMAND_KEY = "cuprum.command";
  /** The process id. */
  public static final String PID_KEY = "cuprum.pid";
  /** The exit code. */
  public static final String EXIT_CODE_KEY = "cuprum.exit-code";
  /** Why Cuprum ended the process, if it did: a {@link dev.cuprum.Termination} name. */
  public static final String TERMINATION_KEY = "cuprum.termination";
  /** How long the command ran, in milliseconds. */
  public static final String DURATION_KEY = "cuprum.duration-ms";
  /** The end of stdout, secrets masked, at most the output limit. */
  public static final String STDOUT_KEY = "cuprum.stdout";
  /** The end of stderr, secrets masked, at most the output limit. */
  public static final String STDERR_KEY = "cuprum.stderr";

  private final CommandExecutor executor;
  private final Function<StepExecution, SafeCmd> command;
  private final RunOptions options;
  private final CommandExitStatusMapper exitStatus;
  private final StepOutput output;
  private final Duration stopCheckInterval;
  private final @Nullable JobRepository jobRepository;
  private final Map<Long, RunningProcess> running = new ConcurrentHashMap<>();

  private CommandTasklet(Builder builder) {
    this.executor = builder.executor;
    this.command = Objects.requireNonNull(builder.command, "command: give the command to run");
    this.options = builder.options;
    this.exitStatus = builder.exitStatus;
    this.output = new StepOutput(builder.outputLimit);
    this.stopCheckInterval = builder.stopCheckInterval;
    this.jobRepository = builder.jobRepository;
  }

  /** A tasklet that runs its commands through {@code executor}. */
  public static Builder builder(CommandExecutor executor) {
    return new Builder(executor);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
    StepExecution step = contribution.getStepExecution();
    SafeCmd cmd = Objects.requireNonNull(command.apply(step), "the command function returned null");
    try (RunningProcess process = executor.start(cmd, options)) {
      running.put(step.getId(), process);
      try {
        output.started(step.getExecutionContext(), cmd, process.pid());
        // The streams that reach the JVM are read as they come and only their ends are kept: a
        // chatty command neither waits for a reader nor fills the heap.
        OutputTail stdout = options.stdoutFile() == null ? tail(process.stdout(), "stdout", process) : null;
        OutputTail stderr = options.stderrFile() == null && !options.mergeStderr() ? tail(process.stderr(), "stderr",
            process) : null;
        CommandResult result = awaitUnlessStopped(process, step);
        Charset charset = charset();
        String out = stdout == null ? "" : output.tail(result, stdout.text(charset, TAIL_WAIT.toMillis()));
        String err = stderr == null ? "" : output.tail(result, stderr.text(charset, TAIL_WAIT.toMillis()));
        output.ended(step.getExecutionContext(), result, out, err);
        ExitStatus status = exitStatus.exitStatus(result);
        if (ExitStatus.FAILED.getExitCode().equals(status.getExitCode())) {
          throw failure(cmd, result, status, err);
        }
        contribution.setExitStatus(status);
        return RepeatStatus.FINISHED;
      } finally {
        running.remove(step.getId());
      }
    }
  }

  private OutputTail tail(InputStream stream, String name, RunningProcess process) {
    return new OutputTail(stream, output.limit(), "cuprum-batch-" + name + "-" + process.pid());
  }

  /** The run's charset: the call's context's, else the executor's default context's. */
  private Charset charset() {
    Charset own = options.context() != null ? options.context().charset() : null;
    Charset fallback = executor.settings().defaultContext().charset();
    return own != null ? own : fallback != null ? fallback : StandardCharsets.UTF_8;
  }

  /** Ends the commands of every step execution this tasklet runs. */
  @Override
  public void stop() {
    running.values().forEach(RunningProcess::cancel);
  }

  /** Ends the command of {@code stepExecution}, if it runs one. */
  @Override
  public void stop(StepExecution stepExecution) {
    RunningProcess process = running.get(stepExecution.getId());
    if (process != null) {
      process.cancel();
    }
  }

  private CommandResult awaitUnlessStopped(RunningProcess process, StepExecution step) throws Exception {
    while (true) {
      try {
        return process.onExit().get(stopCheckInterval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (stopRequested(step)) {
          process.cancel();
        }
      } catch (InterruptedException e) {
        process.cancel();
        awaitEnd(process);
        Thread.currentThread().interrupt();
        output.ended(step.getExecutionContext(), Termination.CANCELLED);
        throw interrupted(process, "its thread was interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandCancelledException || cause instanceof CancellationException) {
          output.ended(step.getExecutionContext(), Termination.CANCELLED);
          throw interrupted(process, "the job was stopped");
        }
        if (cause instanceof TimeoutExpiredException) {
          output.ended(step.getExecutionContext(), Termination.TIMEOUT);
        }
        throw cause instanceof Exception exception ? exception : e;
      }
    }
  }

  /**
   * Whether the job is stopping. With a repository, the step execution is saved, as Spring Batch
   * does between chunks: the save reads the job's status (one small query) and moves the step's
   * last-updated time, a heartbeat for whoever watches a long command.
   */
  private boolean stopRequested(StepExecution step) {
    if (!step.isTerminateOnly() && jobRepository != null) {
      try {
        jobRepository.update(step);
      } catch (OptimisticLockingFailureException e) {
        // Someone else saved this step execution: JobOperator.recover marked it FAILED so that a
        // restart runs it again elsewhere. This run must not go on beside that one.
        LOG.warn("Step execution {} was changed in the job repository while its command ran (recovered for a "
            + "restart?); the command is ended", step.getId());
        step.setTerminateOnly();
      } catch (RuntimeException e) {
        LOG.warn("Could not look up whether job execution {} is stopping; the command goes on",
            step.getJobExecutionId(), e);
      }
    }
    return step.isTerminateOnly();
  }

  /**
   * Waits for the tree to end after a cancel, so that the step does not end while it runs; the
   * cancel bounds the wait (SIGTERM, the cancel grace, SIGKILL).
   */
  private static void awaitEnd(RunningProcess process) {
    process.onExit().handle((result, failure) -> null).join();
  }

  private static JobInterruptedException interrupted(RunningProcess process, String why) {
    return new JobInterruptedException("Command " + String.join(" ", process.command().maskedArgvWithProgram())
        + " was ended because " + why);
  }

  private static CommandStepException failure(SafeCmd cmd, CommandResult result, ExitStatus status, String stderr) {
    StringBuilder message = new StringBuilder("Command ").append(String.join(" ", cmd.maskedArgvWithProgram()))
        .append(" exited with ").append(result.exitCode());
    if (!stderr.isEmpty()) {
      message.append(": ").append(stderr);
    }
    return new CommandStepException(message.toString(), result, status);
  }

  /** Configures a {@link CommandTasklet}. */
  public static final class Builder {

    private static final int DEFAULT_OUTPUT_LIMIT = 2000;

    private final CommandExecutor executor;
    private @Nullable Function<StepExecution, SafeCmd> command;
    private RunOptions options = RunOptions.defaults();
    private CommandExitStatusMapper exitStatus = CommandExitStatusMapper.zeroIsSuccess();
    private int outputLimit = DEFAULT_OUTPUT_LIMIT;
    private Duration stopCheckInterval = Duration.ofSeconds(1);
    private @Nullable JobRepository jobRepository;

    private Builder(CommandExecutor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The command every execution of the step runs. */
    public Builder command(SafeCmd command) {
      Objects.requireNonNull(command, "command");
      this.command = step -> command;
      return this;
    }

    /**
     * The command for each step execution, made from it: from the job's parameters, or from the
     * partition's item (see {@link CommandPartitioner#item(StepExecution)}).
     */
    public Builder command(Function<StepExecution, SafeCmd> command) {
      this.command = Objects.requireNonNull(command, "command");
      return this;
    }

    /**
     * Options of each run: timeout, context, stdin, files for stdout and stderr. Default
     * {@link RunOptions#defaults()}.
     *
     * @throws IllegalArgumentException for stdin written while the command runs
     *     ({@link StdinInput#pipe()}), which a step has nobody to write
     */
    public Builder options(RunOptions options) {
      Objects.requireNonNull(options, "options");
      if (options.stdin() != null && options.stdin().isPipe()) {
        throw new IllegalArgumentException("A command step has nobody to write its stdin while it runs: give "
            + "StdinInput.text, bytes, file or stream instead of StdinInput.pipe()");
      }
      this.options = options;
      return this;
    }

    /** How the result becomes the step's exit status. Default {@link CommandExitStatusMapper#zeroIsSuccess()}. */
    public Builder exitStatus(CommandExitStatusMapper exitStatus) {
      this.exitStatus = Objects.requireNonNull(exitStatus, "exitStatus");
      return this;
    }

    /** Most characters of the end of stdout and of stderr kept in the execution context; 0 keeps none. Default 2000. */
    public Builder outputLimit(int chars) {
      if (chars < 0) {
        throw new IllegalArgumentException("outputLimit must not be negative, was " + chars);
      }
      this.outputLimit = chars;
      return this;
    }

    /**
     * Where to look, while the command runs, whether the job execution was marked as stopping
     * (by a {@code JobOperator} in another JVM). Without it only a stop in this JVM is seen.
     */
    public Builder jobRepository(JobRepository jobRepository) {
      this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository");
      return this;
    }

    /** How often to look for a stop request while the command runs. Default 1 second. */
    public Builder stopCheckInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("stopCheckInterval must be positive, was " + interval);
      }
      this.stopCheckInterval = interval;
      return this;
    }

    public CommandTasklet build() {
      return new CommandTasklet(this);
    }
  }
}
