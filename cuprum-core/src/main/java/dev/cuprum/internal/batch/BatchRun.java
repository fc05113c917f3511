package dev.cuprum.internal.batch;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutorShutdownException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentExecutionException;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.concurrent.RetryPolicy;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.internal.observation.CompositeObservations;
import dev.cuprum.internal.process.Waits;
import dev.cuprum.internal.run.CommandRun;
import dev.cuprum.internal.run.ExecutorConfig;
import dev.cuprum.internal.run.InFlight;
import dev.cuprum.internal.run.RunControl;
import dev.cuprum.internal.run.RunEnvironment;
import dev.cuprum.internal.run.Timers;
import dev.cuprum.internal.util.Seconds;
import dev.cuprum.micrometer.ExecOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One concurrent batch. Not part of the public API; use
 * {@link dev.cuprum.CommandExecutor#runConcurrent(List, ConcurrentConfig)}.
 *
 * <p>The batch bounds itself: it submits at most {@code concurrency} workers to the task
 * executor, and each worker takes the next command in submission order until none is left or
 * the batch stops. Results land in their submission slot, whatever the completion order. Every
 * command is a full run on its worker thread, with the caller's context and observation.
 *
 * <p>The batch ends when every command is settled: finished, failed, or never started because
 * the batch stopped. It does not wait for its workers, so a worker that the task executor queues
 * behind other work, or drops, only leaves its commands to the others; a batch none of whose
 * workers ever runs ends at its timeout or cancellation.
 *
 * <p>The batch stops on the first non-zero exit or exception in fail-fast mode, when its timeout
 * elapses, or when its future is completed from outside (cancel, {@code orTimeout}): running
 * commands are ended (their whole process tree), queued ones never start.
 */
public final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.batch");

  private final ExecutorConfig config;
  private final List<SafeCmd> commands;
  private final ConcurrentConfig batch;
  private final RunOptions memberOptions;
  private final @Nullable CommandResult[] results;
  private final @Nullable Throwable[] errors;
  private final @Nullable RunControl[] running;
  private final boolean[] begun;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger unsettled;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch settled = new CountDownLatch(1);
  private final Object lock = new Object();
  private final CompletableFuture<ConcurrentResult> future = new CompletableFuture<>();
  private @Nullable Termination stopReason;
  private @Nullable ScheduledFuture<?> timer;
  private @Nullable Observation observation;
  private volatile @Nullable RuntimeException refused;
  private volatile InFlight.@Nullable Entry inFlight;
  /** When the batch timeout elapses, as a {@link System#nanoTime()} value; no member starts after it. */
  private long deadline;

  private BatchRun(ExecutorConfig config, List<SafeCmd> commands, ConcurrentConfig batch) {
    this.config = config;
    this.commands = commands;
    this.batch = batch;
    this.memberOptions = RunOptions.builder().capture(batch.capture()).echo(batch.echo()).context(batch.context()).build();
    this.results = new CommandResult[commands.size()];
    this.errors = new Throwable[commands.size()];
    this.running = new RunControl[commands.size()];
    this.begun = new boolean[commands.size()];
    this.unsettled = new AtomicInteger(commands.size());
  }

  /**
   * Checks every command against the caller's context, then starts the batch.
   *
   * @throws InvalidArgumentException when no command is given
   * @throws dev.cuprum.ForbiddenProgramException when any command may not run; none was started
   */
  public static CompletableFuture<ConcurrentResult> start(ExecutorConfig config, List<SafeCmd> commands,
      ConcurrentConfig batch) {
    CuprumContext context = CuprumContext.current();
    BatchRun run = checked(config, commands, batch, context);
    run.launch(context);
    return run.future;
  }

  /**
   * Runs the batch on the task executor and waits for it. An interrupt cancels it: every command
   * is ended before this returns; an interrupted caller starts nothing.
   *
   * @throws InvalidArgumentException when no command is given
   * @throws dev.cuprum.ForbiddenProgramException when any command may not run; none was started
   * @throws ConcurrentExecutionException when a command ended with an exception or the batch
   *     timed out
   * @throws CommandCancelledException when the calling thread was interrupted
   */
  public static ConcurrentResult run(ExecutorConfig config, List<SafeCmd> commands, ConcurrentConfig batch) {
    CuprumContext context = CuprumContext.current();
    BatchRun run = checked(config, commands, batch, context);
    if (Thread.currentThread().isInterrupted()) {
      throw run.cancelled(null);
    }
    run.launch(context);
    return run.await();
  }

  private static BatchRun checked(ExecutorConfig config, List<SafeCmd> commands, ConcurrentConfig batch,
      CuprumContext context) {
    Objects.requireNonNull(batch, "config");
    List<SafeCmd> copy = Objects.requireNonNull(commands, "commands").stream().map(config::inCatalogue).toList();
    if (copy.isEmpty()) {
      throw new InvalidArgumentException("At least one command must be provided");
    }
    for (SafeCmd cmd : copy) {
      config.checkAllowed(cmd, context);
    }
    // Every member runs with this overlay: refuse it before the first one starts.
    RunEnvironment.of(context.envOverlay(), config.contextFor(batch.context()));
    return new BatchRun(config, copy, batch);
  }

  private ConcurrentResult await() {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Waits.await(settled, Long.MAX_VALUE);
      Thread.currentThread().interrupt();
      throw cancelled(null);
    } catch (ExecutionException e) {
      CommandRun.throwIfFailed(e.getCause());
      throw new IllegalStateException(e);
    } catch (CancellationException e) {
      throw cancelled(e);
    }
  }

  private CommandCancelledException cancelled(@Nullable Throwable cause) {
    return new CommandCancelledException("Batch of " + commands.size() + " commands was cancelled", masked(), cause);
  }

  private void launch(CuprumContext context) {
    inFlight = config.inFlight().enter(() -> "Batch of " + commands.size() + " commands",
        future::completeExceptionally);
    future.whenComplete((result, failure) -> {
      stop(Termination.CANCELLED);
      if (failure instanceof ExecutorShutdownException shutdown) {
        reportNeverStarted(shutdown);
      }
    });
    if (batch.timeout() != null) {
      deadline = CommandRun.deadline(System.nanoTime(), batch.timeout());
      timer = Timers.schedule(() -> stop(Termination.TIMEOUT), batch.timeout());
    }
    ObservationRegistry registry = config.observationRegistry();
    observation = registry.isNoop() ? null
        : CompositeObservations.startBatch(registry, commands.size(), batch.concurrency());
    Observation parent = observation;
    Runnable work = parent == null ? this::work : () -> parent.scoped(this::work);
    Runnable worker = context.wrap(work);
    int workers = batch.concurrency() == null ? commands.size() : Math.min(batch.concurrency(), commands.size());
    for (int submitted = 0; submitted < workers; submitted++) {
      try {
        config.taskExecutor().execute(worker);
      } catch (RuntimeException e) {
        // A pool that takes fewer workers than asked still runs every command, only less at once.
        if (submitted == 0) {
          refused = e;
          stop(Termination.CANCELLED);
        } else {
          LOG.warn("The task executor accepted {} of {} batch workers: {}", submitted, workers, e.toString());
        }
        return;
      }
    }
  }

  private void work() {
    int index;
    while (!isStopped() && (index = next.getAndIncrement()) < commands.size()) {
      try {
        runMember(index);
      } finally {
        settle(1);
      }
    }
  }

  private void runMember(int index) {
    SafeCmd cmd = commands.get(index);
    RetryPolicy retry = batch.retry();
    Duration timeout = batch.timeout();
    for (int attempt = 1; ; attempt++) {
      // The timer may run late: the member itself refuses to start once the deadline passed.
      RunControl control = timeout == null ? new RunControl() : RunControl.startingBefore(deadline, timeout);
      if (timeout != null && System.nanoTime() - deadline >= 0) {
        stop(Termination.TIMEOUT);
        return;
      }
      synchronized (lock) {
        if (stopReason != null) {
          return;
        }
        running[index] = control;
        begun[index] = true;
      }
      CommandResult result;
      boolean again;
      try {
        notify(listener -> listener.started(index, cmd));
        result = new CommandRun(config, cmd, memberOptions, control).execute();
        notify(listener -> listener.finished(index, result));
        again = retry != null && attempt < retry.maxAttempts() && retry.retryIf().test(result);
      } catch (Throwable e) {
        if (!control.processStarted() && control.stopReason() == Termination.TIMEOUT) {
          // The deadline passed between the check above and the start: nothing started.
          notify(listener -> listener.failed(index, e));
          stop(Termination.TIMEOUT);
          return;
        }
        fail(index, e);
        return;
      } finally {
        synchronized (lock) {
          running[index] = null;
        }
      }
      if (again && !isStopped() && !Waits.await(stopped, System.nanoTime() + retry.backoffAfter(attempt).toNanos())) {
        continue;
      }
      results[index] = result;
      if (!result.ok() && batch.failFast()) {
        stop(Termination.FAIL_FAST);
      }
      return;
    }
  }

  /**
   * Records a member's exception. A member the batch itself cancelled is reported to the listener,
   * so that every start has an end, but is no error of the batch: the batch says why it stopped.
   */
  private void fail(int index, Throwable error) {
    notify(listener -> listener.failed(index, error));
    if (error instanceof CommandCancelledException && isStopped()) {
      return;
    }
    errors[index] = error;
    if (batch.failFast()) {
      stop(Termination.FAIL_FAST);
    }
  }

  /** Tells the listener about every member a shutdown kept from starting, so that none goes unreported. */
  private void reportNeverStarted(ExecutorShutdownException shutdown) {
    for (int i = 0; i < commands.size(); i++) {
      int index = i;
      boolean neverStarted;
      synchronized (lock) {
        neverStarted = !begun[i];
      }
      if (neverStarted) {
        notify(listener -> listener.failed(index, shutdown));
      }
    }
  }

  private void stop(Termination reason) {
    List<RunControl> toStop = new ArrayList<>();
    synchronized (lock) {
      if (stopReason != null) {
        return;
      }
      stopReason = reason;
      for (RunControl control : running) {
        if (control != null) {
          toStop.add(control);
        }
      }
    }
    stopped.countDown();
    int claimed = next.getAndSet(commands.size());
    for (RunControl control : toStop) {
      if (reason == Termination.TIMEOUT) {
        control.stopForTimeout(Objects.requireNonNull(batch.timeout()));
      } else {
        control.stop(reason, null);
      }
    }
    if (claimed < commands.size()) {
      settle(commands.size() - claimed);
    }
  }

  private boolean isStopped() {
    return stopReason() != null;
  }

  private @Nullable Termination stopReason() {
    synchronized (lock) {
      return stopReason;
    }
  }

  private void settle(int count) {
    if (unsettled.addAndGet(-count) == 0) {
      finish();
    }
  }

  private void finish() {
    if (timer != null) {
      timer.cancel(false);
    }
    try {
      complete();
    } finally {
      settled.countDown();
      InFlight.Entry entry = inFlight;
      if (entry != null) {
        entry.close();
      }
    }
  }

  private void complete() {
    RuntimeException refusal = refused;
    if (refusal != null) {
      stopObservation(ExecOutcome.ERROR, refusal);
      future.completeExceptionally(refusal);
      return;
    }
    List<CommandResult> finished = new ArrayList<>();
    List<Integer> failures = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    Map<Integer, Throwable> thrown = new LinkedHashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      CommandResult result = results[i];
      Throwable error = errors[i];
      if (result != null) {
        if (!result.ok()) {
          failures.add(finished.size());
        }
        finished.add(result);
        indices.add(i);
      } else if (error != null) {
        thrown.put(i, error);
      }
    }
    ConcurrentResult result = new ConcurrentResult(finished, failures, indices);
    Termination reason = stopReason();
    if (reason == Termination.TIMEOUT) {
      fail(ExecOutcome.TIMEOUT, new ConcurrentExecutionException("Batch of " + commands.size() + " commands timed out after "
          + Seconds.of(Objects.requireNonNull(batch.timeout())) + " seconds; " + finished.size() + " finished", result,
          thrown));
    } else if (reason == Termination.CANCELLED) {
      stopObservation(ExecOutcome.CANCELLED, null);
    } else if (!thrown.isEmpty()) {
      fail(ExecOutcome.ERROR, new ConcurrentExecutionException(thrown.size() + " of " + commands.size()
          + " commands ended with an exception", result, thrown));
    } else {
      stopObservation(result.ok() ? ExecOutcome.SUCCESS : ExecOutcome.FAILURE, null);
      future.complete(result);
    }
  }

  private void fail(ExecOutcome outcome, ConcurrentExecutionException failure) {
    stopObservation(outcome, failure);
    future.completeExceptionally(failure);
  }

  private void stopObservation(ExecOutcome outcome, @Nullable Throwable error) {
    if (observation != null) {
      CompositeObservations.stop(observation, outcome, error);
    }
  }

  /** Calls the listener; what it throws is logged and ignored, unless the JVM itself is failing. */
  private void notify(Consumer<BatchListener> call) {
    BatchListener listener = batch.listener();
    if (listener == null) {
      return;
    }
    try {
      call.accept(listener);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("A batch listener failed; the batch goes on", e);
    }
  }

  private List<List<String>> masked() {
    return commands.stream().map(SafeCmd::maskedArgvWithProgram).toList();
  }
}
