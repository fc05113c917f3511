package dev.cuprum.internal.run;

import dev.cuprum.Termination;
import dev.cuprum.internal.process.Waits;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation handle of one run (a command, a pipeline, or a batch member). Whoever wants
 * the run to end ({@code Future.cancel}, a failing hook, a fail-fast batch) calls
 * {@link #stop(Termination, Throwable)}; the run's thread, waiting in
 * {@link #awaitExit(Process, long)}, wakes up and ends the process tree.
 *
 * <p>The waiting thread is woken by interrupting it, but only while it waits here, and a wake-up
 * that arrives as the wait ends is cleared, so the interrupt never leaks into other work. An
 * interrupt from anyone else (the caller of a synchronous run) cancels the run and is restored
 * when the run ends.
 */
public final class RunControl {

  /** The longest single wait when there is no deadline. */
  private static final long FOREVER = TimeUnit.DAYS.toNanos(1);

  private final Object lock = new Object();
  private @Nullable Thread waiter;
  private boolean wakeUpSent;
  private @Nullable Termination stopReason;
  private @Nullable Throwable stopCause;
  private @Nullable Duration timeoutLimit;
  private boolean interruptedByCaller;
  private boolean processStarted;
  private final long startDeadline;
  private final @Nullable Duration startLimit;

  /** A control for a run that may start whenever it is ready. */
  public RunControl() {
    this.startDeadline = 0;
    this.startLimit = null;
  }

  private RunControl(long startDeadline, Duration startLimit) {
    this.startDeadline = startDeadline;
    this.startLimit = startLimit;
  }

  /**
   * A control for a run that must not start once {@code deadline} has passed: a batch member,
   * whose batch timeout {@code limit} elapses then.
   *
   * @param deadline a {@link System#nanoTime()} value
   */
  public static RunControl startingBefore(long deadline, Duration limit) {
    return new RunControl(deadline, Objects.requireNonNull(limit, "limit"));
  }

  /**
   * Starts the process unless the run was asked to end or its start deadline passed. The check
   * and the start hold the lock {@link #stop} takes, so a stop either comes first, and nothing
   * starts, or comes after and finds a process to end: no process starts after a stop.
   *
   * @return the started process, or null when it must not start; {@link #stopReason()} says why
   */
  public <T> @Nullable T startUnlessStopped(Supplier<T> start) {
    synchronized (lock) {
      if (stopReason == null && startLimit != null && System.nanoTime() - startDeadline >= 0) {
        stopReason = Termination.TIMEOUT;
        timeoutLimit = startLimit;
      }
      if (stopReason != null) {
        return null;
      }
      T started = start.get();
      processStarted = true;
      return started;
    }
  }

  /** Whether {@link #startUnlessStopped} started the process. */
  public boolean processStarted() {
    synchronized (lock) {
      return processStarted;
    }
  }

  /**
   * Asks the run to end. The first request wins; later ones are ignored.
   *
   * @param reason why the run ends
   * @param cause the failure behind the request (a hook's exception), or null
   * @return whether this request was the first
   */
  public boolean stop(Termination reason, @Nullable Throwable cause) {
    synchronized (lock) {
      if (stopReason != null) {
        return false;
      }
      stopReason = reason;
      stopCause = cause;
      if (waiter != null && !wakeUpSent) {
        wakeUpSent = true;
        waiter.interrupt();
      }
      return true;
    }
  }

  /**
   * Asks the run to end because a limit imposed from outside (a batch's timeout) elapsed; the run
   * then fails with a timeout naming that limit.
   */
  public boolean stopForTimeout(Duration limit) {
    synchronized (lock) {
      if (stopReason == null) {
        timeoutLimit = limit;
      }
    }
    return stop(Termination.TIMEOUT, null);
  }

  /**
   * The limit a timed-out run reports: the outside limit given to {@link #stopForTimeout(Duration)}
   * when there was one, otherwise the run's own timeout.
   */
  public Duration timeoutLimit(@Nullable Duration ownTimeout) {
    synchronized (lock) {
      return timeoutLimit != null ? timeoutLimit : Objects.requireNonNull(ownTimeout, "timeout");
    }
  }

  /** Why the run was asked to end, or null while it was not. */
  public @Nullable Termination stopReason() {
    synchronized (lock) {
      return stopReason;
    }
  }

  /** The failure that asked the run to end, or null. */
  public @Nullable Throwable stopCause() {
    synchronized (lock) {
      return stopCause;
    }
  }

  /**
   * Treats an interrupt of the calling thread (already cleared) as a request to cancel, to be
   * restored when the run ends.
   */
  public void cancelForInterrupt() {
    synchronized (lock) {
      interruptedByCaller = true;
    }
    stop(Termination.CANCELLED, null);
  }

  /** Something a run waits for. */
  @FunctionalInterface
  public interface Wait {

    /**
     * Waits at most {@code nanos} for it to happen.
     *
     * @return whether it happened
     */
    boolean await(long nanos) throws InterruptedException;
  }

  /**
   * Waits until the process exits, the deadline passes, or the run is asked to end.
   *
   * @param deadline a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE} for none
   * @return {@link Termination#NONE} when the process exited, {@link Termination#TIMEOUT} when
   *     the deadline passed, else the reason given to {@link #stop}
   */
  public Termination awaitExit(Process process, long deadline) {
    return await(nanos -> process.waitFor(nanos, TimeUnit.NANOSECONDS), deadline);
  }

  /**
   * Waits until {@code wait} reports that its event happened, the deadline passes, or the run is
   * asked to end.
   *
   * @param deadline a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE} for none
   * @return {@link Termination#NONE} when the event happened, {@link Termination#TIMEOUT} when
   *     the deadline passed, else the reason given to {@link #stop}
   */
  public Termination await(Wait wait, long deadline) {
    synchronized (lock) {
      if (stopReason != null) {
        return stopReason;
      }
      waiter = Thread.currentThread();
    }
    try {
      while (true) {
        long remaining = deadline == Long.MAX_VALUE ? FOREVER : deadline - System.nanoTime();
        try {
          if (wait.await(Math.max(remaining, 0))) {
            return Termination.NONE;
          }
        } catch (InterruptedException e) {
          synchronized (lock) {
            if (stopReason != null && wakeUpSent) {
              wakeUpSent = false;
              return stopReason;
            }
          }
          cancelForInterrupt();
          return Termination.CANCELLED;
        }
        if (deadline != Long.MAX_VALUE && deadline - System.nanoTime() <= 0) {
          return Termination.TIMEOUT;
        }
      }
    } finally {
      synchronized (lock) {
        waiter = null;
        if (wakeUpSent) {
          wakeUpSent = false;
          Thread.interrupted();
        }
      }
    }
  }

  /** Restores the caller's interrupt if it was what cancelled the run. */
  public void restoreInterrupt() {
    synchronized (lock) {
      if (interruptedByCaller) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Whether the run was asked to end before its process started, counting an interrupt of the
   * calling thread as such a request.
   */
  public boolean stoppedBeforeStart() {
    if (Thread.interrupted()) {
      cancelForInterrupt();
      return true;
    }
    return stopReason() != null;
  }
}
