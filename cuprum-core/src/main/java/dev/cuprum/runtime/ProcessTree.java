package dev.cuprum.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends processes together with their descendants: SIGTERM to the whole tree, a grace period,
 * then SIGKILL to whatever of it is still running (including children started meanwhile).
 *
 * <p>Signals go through {@link ProcessHandle}, never {@link Process#destroy()}, which would also
 * close the pipes and lose the output still in them. Waiting is not interruptible: a second
 * cancellation cannot stop the escalation half-way. A process that has exited but was not reaped
 * (a zombie, which the JDK reports as alive) counts as ended.
 */
public final class ProcessTree {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final boolean PROC_FS = Files.isDirectory(Path.of("/proc/self"));

  private ProcessTree() {}

  /**
   * Ends the given processes and their descendants.
   *
   * @param roots the processes Cuprum started
   * @param grace how long the tree may take to exit after SIGTERM
   */
  public static void terminate(List<Process> roots, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    for (Process root : roots) {
      tree.add(root.toHandle());
      root.descendants().forEach(tree::add);
    }
    signal(tree, false);
    long graceDeadline = System.nanoTime() + grace.toNanos();
    if (!awaitEnd(roots, tree, graceDeadline)) {
      Set<ProcessHandle> survivors = new LinkedHashSet<>();
      for (ProcessHandle handle : tree) {
        if (isRunning(handle)) {
          survivors.add(handle);
          handle.descendants().forEach(survivors::add);
        }
      }
      signal(survivors, true);
      awaitEnd(roots, survivors, System.nanoTime() + KILL_WAIT.toNanos());
    }
  }

  /** Whether a process is running: alive and not a zombie waiting to be reaped. */
  public static boolean isRunning(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    if (!PROC_FS) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"), StandardCharsets.UTF_8);
      int afterName = stat.lastIndexOf(')');
      char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return handle.isAlive();
    }
  }

  private static void signal(Set<ProcessHandle> handles, boolean kill) {
    for (ProcessHandle handle : handles) {
      if (isRunning(handle)) {
        if (kill) {
          handle.destroyForcibly();
        } else {
          handle.destroy();
        }
      }
    }
  }

  /** Waits, without giving in to interrupts, until no process of the set runs or the deadline passes. */
  private static boolean awaitEnd(List<Process> roots, Set<ProcessHandle> handles, long deadline) {
    boolean interrupted = false;
    try {
      for (Process root : roots) {
        while (root.isAlive()) {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          try {
            root.waitFor(remaining, TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      long pause = TimeUnit.MILLISECONDS.toNanos(1);
      List<ProcessHandle> pending = new ArrayList<>(handles);
      while (true) {
        pending.removeIf(handle -> !isRunning(handle));
        if (pending.isEmpty()) {
          return true;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        LockSupport.parkNanos(Math.min(pause, remaining));
        interrupted |= Thread.interrupted();
        pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
