package dev.cuprum.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Ends processes together with their descendants: SIGTERM to the whole tree, a grace period,
 * then SIGKILL to whatever of it is still running (including children started meanwhile).
 *
 * <p>Signals go through {@link ProcessHandle}, never {@link Process#destroy()}, which would also
 * close the pipes and lose the output still in them. Waiting is not interruptible: a second
 * cancellation cannot stop the escalation half-way. A process that has exited but was not reaped
 * (a zombie, which the JDK reports as alive) counts as ended.
 *
 * <p>A child forked between the listing of the tree and the SIGTERM that kills its parent is
 * re-parented out of the tree before anyone can see it, and a process may answer SIGTERM by
 * starting another. On Linux such escaped processes are still found: they hold the pipes Cuprum
 * created for the run, so every process whose stdin, stdout or stderr is one of those pipes is
 * ended with the tree, and the search is repeated until it finds none.
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
    Set<String> pipes = pipesOf(roots);
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    for (Process root : roots) {
      tree.add(root.toHandle());
      root.descendants().forEach(tree::add);
    }
    if (end(roots, tree, pipes, false, System.nanoTime() + grace.toNanos())) {
      return;
    }
    Set<ProcessHandle> survivors = new LinkedHashSet<>();
    for (ProcessHandle handle : tree) {
      if (isRunning(handle)) {
        survivors.add(handle);
        handle.descendants().forEach(survivors::add);
      }
    }
    end(roots, survivors, pipes, true, System.nanoTime() + KILL_WAIT.toNanos());
  }

  /**
   * Signals the processes and waits for them; then does the same to the processes that escaped
   * them meanwhile and hold the run's pipes, and again to the ones those started as they ended,
   * until no such process is left.
   *
   * @param processes the processes to end, to which the escaped ones are added
   * @return whether all of them ended before the deadline
   */
  private static boolean end(List<Process> roots, Set<ProcessHandle> processes, Set<String> pipes, boolean kill,
      long deadline) {
    Set<ProcessHandle> signalled = processes;
    while (true) {
      signal(signalled, kill);
      if (!awaitEnd(roots, processes, deadline)) {
        return false;
      }
      signalled = escaped(pipes, processes);
      if (signalled.isEmpty()) {
        return true;
      }
      processes.addAll(signalled);
    }
  }

  /** The pipes on the standard streams of the roots, read while the roots still run. */
  private static Set<String> pipesOf(List<Process> roots) {
    Set<String> pipes = new LinkedHashSet<>();
    if (PROC_FS) {
      for (Process root : roots) {
        pipes.addAll(standardPipes(root.pid()));
      }
    }
    return pipes;
  }

  /** The running processes outside {@code known}, with their descendants, that hold one of the pipes. */
  private static Set<ProcessHandle> escaped(Set<String> pipes, Set<ProcessHandle> known) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    if (pipes.isEmpty()) {
      return found;
    }
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries.map(entry -> entry.getFileName().toString())
          .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
          .mapToLong(Long::parseLong)
          .filter(pid -> pid != self && !Collections.disjoint(standardPipes(pid), pipes))
          .mapToObj(ProcessHandle::of)
          .flatMap(Optional::stream)
          .filter(handle -> !known.contains(handle) && isRunning(handle))
          .forEach(handle -> {
            found.add(handle);
            handle.descendants().forEach(found::add);
          });
    } catch (IOException | UncheckedIOException e) {
      return found;
    }
    return found;
  }

  /** The pipe identities ({@code pipe:[inode]}) on a process's fds 0 to 2; empty when unreadable. */
  private static Set<String> standardPipes(long pid) {
    Set<String> pipes = new LinkedHashSet<>(3);
    Path fds = Path.of("/proc", Long.toString(pid), "fd");
    for (int fd = 0; fd <= 2; fd++) {
      try {
        String target = Files.readSymbolicLink(fds.resolve(Integer.toString(fd))).toString();
        if (target.startsWith("pipe:")) {
          pipes.add(target);
        }
      } catch (IOException | SecurityException e) {
        // A closed fd, another user's process or one that just ended: none of them holds the run's pipes.
      }
    }
    return pipes;
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
