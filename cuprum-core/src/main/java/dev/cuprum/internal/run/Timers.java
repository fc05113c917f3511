package dev.cuprum.internal.run;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread ({@code cuprum-timer}) that fires the deadlines of async work. */
public final class Timers {

  private static final ScheduledThreadPoolExecutor TIMER = create();

  private Timers() {}

  /** Runs a short action once the delay has passed, unless the returned future is cancelled first. */
  public static ScheduledFuture<?> schedule(Runnable action, Duration delay) {
    return TIMER.schedule(action, Math.max(0, saturatedNanos(delay)), TimeUnit.NANOSECONDS);
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "cuprum-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
