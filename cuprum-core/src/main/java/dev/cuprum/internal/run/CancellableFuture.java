package dev.cuprum.internal.run;

import dev.cuprum.Termination;
import java.util.concurrent.CompletableFuture;

/**
 * The future of an async run. Completing it from outside, by {@code cancel}, {@code orTimeout}
 * or {@code completeExceptionally}, ends the run's processes; derived futures are plain ones.
 */
public final class CancellableFuture<T> extends CompletableFuture<T> {

  private final RunControl control;

  public CancellableFuture(RunControl control) {
    this.control = control;
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    boolean completed = super.completeExceptionally(failure);
    if (completed) {
      control.stop(Termination.CANCELLED, null);
    }
    return completed;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      control.stop(Termination.CANCELLED, null);
    }
    return cancelled;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
