package dev.cuprum.internal.run;

import dev.cuprum.ExecutorShutdownException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work an executor has accepted and not yet finished, and whether it still accepts work. Every
 * run, pipeline, batch and async call enters here before it does anything and leaves when its
 * processes are gone; {@link #shutdown} refuses new work at once, lets the work in flight finish
 * for a while, then ends it.
 */
public final class InFlight {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.shutdown");

  private final Object lock = new Object();
  private final Set<Entry> entries = new LinkedHashSet<>();
  private boolean shutdown;

  /**
   * Records work about to start.
   *
   * @param what names the work in messages, such as {@code Command [git, status]}; asked for only
   *     when the work is refused or ended
   * @param stop ends the work, given the exception its caller should see
   * @throws ExecutorShutdownException when the executor has shut down; the work must not start
   */
  public Entry enter(Supplier<String> what, Consumer<ExecutorShutdownException> stop) {
    synchronized (lock) {
      if (shutdown) {
        throw new ExecutorShutdownException(what.get() + " was refused: the executor has shut down");
      }
      Entry entry = new Entry(what, stop);
      entries.add(entry);
      return entry;
    }
  }

  public boolean isShutdown() {
    synchronized (lock) {
      return shutdown;
    }
  }

  /**
   * Refuses new work, waits up to {@code await} for the work in flight, then ends what is left and
   * waits up to {@code endingTime} more for it to go.
   *
   * @param endingTime how long ended work may take to leave: its processes' grace period and drain
   * @return whether the work in flight finished on its own
   */
  public boolean shutdown(Duration await, Duration endingTime) {
    List<Entry> left;
    synchronized (lock) {
      shutdown = true;
      awaitEmpty(CommandRun.deadline(System.nanoTime(), await));
      if (entries.isEmpty()) {
        return true;
      }
      left = new ArrayList<>(entries);
    }
    for (Entry entry : left) {
      String what = entry.what.get();
      LOG.warn("cuprum.shutdown_ended {}: still running when the executor shut down", what);
      entry.stop.accept(new ExecutorShutdownException(what + " was ended: the executor shut down"));
    }
    synchronized (lock) {
      awaitEmpty(CommandRun.deadline(System.nanoTime(), endingTime));
      if (!entries.isEmpty()) {
        LOG.warn("cuprum.shutdown_incomplete {} still ending after {}", entries.size(), endingTime);
      }
    }
    return false;
  }

  private void awaitEmpty(long deadline) {
    boolean interrupted = false;
    while (!entries.isEmpty()) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Work in flight; closing it records that the work is done. */
  public final class Entry implements AutoCloseable {

    private final Supplier<String> what;
    private final Consumer<ExecutorShutdownException> stop;

    private Entry(Supplier<String> what, Consumer<ExecutorShutdownException> stop) {
      this.what = what;
      this.stop = stop;
    }

    @Override
    public void close() {
      synchronized (lock) {
        if (entries.remove(this)) {
          lock.notifyAll();
        }
      }
    }
  }
}
