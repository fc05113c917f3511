package dev.cuprum.internal.run;

import dev.cuprum.context.CuprumContext;
import io.micrometer.observation.Observation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Runs work for an async call on the executor's task executor, with the caller's Cuprum context
 * and current observation carried over, and a future whose cancellation stops the work.
 */
public final class AsyncRuns {

  private AsyncRuns() {}

  /**
   * Submits work that runs under a fresh {@link RunControl}.
   *
   * @return a future that cancelling ends the work's processes; if the task executor refuses the
   *     work, a future failed with its {@link RejectedExecutionException}
   */
  public static <T> CompletableFuture<T> submit(ExecutorConfig config, Function<RunControl, T> work) {
    RunControl control = new RunControl();
    CancellableFuture<T> future = new CancellableFuture<>(control);
    Observation parent = config.observationRegistry().getCurrentObservation();
    Runnable run = () -> {
      if (future.isDone()) {
        return;
      }
      try {
        future.complete(work.apply(control));
      } catch (Throwable e) {
        future.completeExceptionally(e);
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
