package dev.cuprum.concurrent;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.micrometer.CompositeObservations;
import dev.cuprum.micrometer.ExecOutcome;
import dev.cuprum.runtime.CancellableFuture;
import dev.cuprum.runtime.CommandRun;
import dev.cuprum.runtime.ExecutorConfig;
import dev.cuprum.runtime.RunControl;
import dev.cuprum.runtime.Timers;
import dev.cuprum.runtime.Waits;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>The batch stops on the first non-zero exit or exception in fail-fast mode, when its timeout
 * elapses, or when its future is cancelled: running commands are ended (their whole process
 * tree), queued ones never start.
 */
public final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.batch");

  private final ExecutorConfig config;
  private final List<SafeCmd> commands;
  private final ConcurrentConfig batch;
  private final RunOptions memberOptions;
  private final CommandResult[] results;
  private final Throwable[] errors;
  private final RunControl[] running;
  private final AtomicInteger next = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Object lock = new Object();
  private final RunControl batchControl = new RunControl();
  private final CancellableFuture<ConcurrentResult> future = new CancellableFuture<>(batchControl);
  private @Nullable Termination stopReason;
  private @Nullable CountDownLatch workersDone;
  private @Nullable ScheduledFuture<?> timer;
  private @Nullable Observation observation;
  private volatile @Nullable RejectedExecutionException rejected;

  private BatchRun(ExecutorConfig config, List<SafeCmd> commands, ConcurrentConfig batch) {
    this.config = config;
    this.commands = commands;
    this.batch = batch;
    this.memberOptions = RunOptions.builder().capture(batch.capture()).echo(batch.echo()).context(batch.context()).build();
    this.results = new CommandResult[commands.size()];
    this.errors = new Throwable[commands.size()];
    this.running = new RunControl[commands.size()];
  }

  /**
   * Checks every command against the caller's context, then starts the batch.
   *
   * @throws InvalidArgumentException when no command is given
   * @throws dev.cuprum.ForbiddenProgramException when any command may not run; none was started
   */
  public static BatchRun start(ExecutorConfig config, List<SafeCmd> commands, ConcurrentConfig batch) {
    Objects.requireNonNull(batch, "config");
    List<SafeCmd> copy = List.copyOf(Objects.requireNonNull(commands, "commands"));
    if (copy.isEmpty()) {
      throw new InvalidArgumentException("At least one command must be provided");
    }
    CuprumContext context = CuprumContext.current();
    for (SafeCmd cmd : copy) {
      config.checkAllowed(cmd.program(), context);
    }
    BatchRun run = new BatchRun(config, copy, batch);
    run.launch(context);
    return run;
  }

  /** The batch's future; cancelling it ends every running command and starts no other. */
  public CompletableFuture<ConcurrentResult> future() {
    return future;
  }

  /**
   * Waits for the batch. An interrupt cancels it: every command is ended before this returns.
   *
   * @throws ConcurrentExecutionException when a command ended with an exception or the batch
   *     timed out
   * @throws CommandCancelledException when the calling thread was interrupted
   */
  public ConcurrentResult await() {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Waits.await(Objects.requireNonNull(workersDone), Long.MAX_VALUE);
      Thread.currentThread().interrupt();
      throw new CommandCancelledException("Batch of " + commands.size() + " commands was cancelled", masked(), null);
    } catch (ExecutionException e) {
      CommandRun.throwIfFailed(e.getCause());
      throw new IllegalStateException(e);
    } catch (CancellationException e) {
      throw new CommandCancelledException("Batch of " + commands.size() + " commands was cancelled", masked(), e);
    }
  }

  private void launch(CuprumContext context) {
    int workers = batch.concurrency() == null ? commands.size() : Math.min(batch.concurrency(), commands.size());
    workersDone = new CountDownLatch(workers);
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) {
        stop(Termination.CANCELLED);
      }
    });
    if (batch.timeout() != null) {
      timer = Timers.schedule(() -> stop(Termination.TIMEOUT), batch.timeout());
    }
    ObservationRegistry registry = config.observationRegistry();
    observation = registry.isNoop() ? null
        : CompositeObservations.startBatch(registry, commands.size(), batch.concurrency());
    Observation parent = observation;
    Runnable work = parent == null ? this::work : () -> parent.scoped(this::work);
    Runnable worker = context.wrap(() -> {
      try {
        work.run();
      } finally {
        workerDone();
      }
    });
    int submitted = 0;
    RejectedExecutionException rejection = null;
    for (int i = 0; i < workers; i++) {
      try {
        config.taskExecutor().execute(worker);
        submitted++;
      } catch (RejectedExecutionException e) {
        rejection = e;
        break;
      }
    }
    if (rejection != null) {
      LOG.warn("The task executor accepted {} of {} batch workers: {}", submitted, workers, rejection.toString());
      if (submitted == 0) {
        rejected = rejection;
      }
      for (int i = submitted; i < workers; i++) {
        workerDone();
      }
    }
  }

  private void work() {
    int index;
    while (!isStopped() && (index = next.getAndIncrement()) < commands.size()) {
      runMember(index);
    }
  }

  private void runMember(int index) {
    SafeCmd cmd = commands.get(index);
    RetryPolicy retry = batch.retry();
    for (int attempt = 1; ; attempt++) {
      RunControl control = new RunControl();
      synchronized (lock) {
        if (stopReason != null) {
          return;
        }
        running[index] = control;
      }
      CommandResult result;
      try {
        notify(listener -> listener.started(index, cmd));
        result = new CommandRun(config, cmd, memberOptions, control, Map.of()).execute();
      } catch (CommandCancelledException e) {
        if (control.stopCause() == null && isStopped()) {
          return;
        }
        fail(index, e);
        return;
      } catch (Throwable e) {
        fail(index, e);
        return;
      } finally {
        synchronized (lock) {
          running[index] = null;
        }
      }
      notify(listener -> listener.finished(index, result));
      if (retry != null && attempt < retry.maxAttempts() && retry.retryIf().test(result) && !isStopped()
          && !Waits.await(stopped, System.nanoTime() + retry.backoffAfter(attempt).toNanos())) {
        continue;
      }
      results[index] = result;
      if (!result.ok() && batch.failFast()) {
        stop(Termination.FAIL_FAST);
      }
      return;
    }
  }

  private void fail(int index, Throwable error) {
    errors[index] = error;
    notify(listener -> listener.failed(index, error));
    if (batch.failFast()) {
      stop(Termination.FAIL_FAST);
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
    for (RunControl control : toStop) {
      if (reason == Termination.TIMEOUT) {
        control.stopForTimeout(Objects.requireNonNull(batch.timeout()));
      } else {
        control.stop(reason, null);
      }
    }
  }

  private boolean isStopped() {
    synchronized (lock) {
      return stopReason != null;
    }
  }

  private void workerDone() {
    CountDownLatch done = Objects.requireNonNull(workersDone);
    done.countDown();
    if (done.getCount() == 0) {
      finish();
    }
  }

  private void finish() {
    if (timer != null) {
      timer.cancel(false);
    }
    RejectedExecutionException rejection = rejected;
    if (rejection != null) {
      stopObservation(ExecOutcome.ERROR, rejection);
      future.completeExceptionally(rejection);
      return;
    }
    List<CommandResult> finished = new ArrayList<>();
    List<Integer> failures = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    Map<Integer, Throwable> thrown = new LinkedHashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      if (results[i] != null) {
        if (!results[i].ok()) {
          failures.add(finished.size());
        }
        finished.add(results[i]);
        indices.add(i);
      } else if (errors[i] != null) {
        thrown.put(i, errors[i]);
      }
    }
    ConcurrentResult result = new ConcurrentResult(finished, failures, indices);
    Termination reason;
    synchronized (lock) {
      reason = stopReason;
    }
    if (reason == Termination.TIMEOUT) {
      fail(ExecOutcome.TIMEOUT, new ConcurrentExecutionException("Batch timed out after " + batch.timeout() + "; "
          + finished.size() + " of " + commands.size() + " commands finished", result, thrown));
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

  private void notify(Consumer<BatchListener> call) {
    BatchListener listener = batch.listener();
    if (listener == null) {
      return;
    }
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("A batch listener failed; the batch goes on", e);
    }
  }

  private List<List<String>> masked() {
    return commands.stream().map(SafeCmd::maskedArgvWithProgram).toList();
  }
}
