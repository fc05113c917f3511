package dev.cuprum.internal.run;

import dev.cuprum.context.CuprumContext;
import io.micrometer.observation.Observation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work for an async call on the executor's task executor, with the caller's Cuprum context
 * and current observation carried over, and a future whose cancellation stops the work.
 */
public final class AsyncRuns {

  private AsyncRuns() {}

  /**
   * Submits work that runs under a fresh {@link RunControl}. The work is in flight from now until
   * it returns, or until its future is completed while it still waits in the task executor's queue.
   *
   * @param what names the work, should a shutdown refuse or end it
   * @return a future that cancelling ends the work's processes; if the task executor refuses the
   *     work, a future failed with its {@link RejectedExecutionException}
   * @throws dev.cuprum.ExecutorShutdownException when the executor has shut down
   */
  public static <T> CompletableFuture<T> submit(
      ExecutorConfig config, Supplier<String> what, Function<RunControl, T> work) {
    RunControl control = new RunControl();
    CancellableFuture<T> future = new CancellableFuture<>(control);
    InFlight.Entry entry = config.inFlight().enter(what, future::completeExceptionally);
    // Whoever comes first, the task or the future's completion, decides whether the work runs.
    AtomicBoolean claimed = new AtomicBoolean();
    future.whenComplete((result, failure) -> {
      if (claimed.compareAndSet(false, true)) {
        entry.close();
      }
    });
    Observation parent = config.observationRegistry().getCurrentObservation();
    Runnable run = () -> {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        future.complete(work.apply(control));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      } finally {
        entry.close();
      }
    };
    Runnable task = CuprumContext.current().wrap(parent == null ? run : () -> parent.scoped(run));
    try {
      config.taskExecutor().execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(e);
    }
    return future;
  }
}
