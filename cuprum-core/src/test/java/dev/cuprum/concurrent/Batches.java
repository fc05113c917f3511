package dev.cuprum.concurrent;

import static dev.cuprum.testing.TestPrograms.sh;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.TestPrograms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Commands, executors and probes shared by the batch tests. */
final class Batches {

  /** Short enough to keep the tests fast, long enough for sh to die of SIGTERM. */
  static final ExecutionContext SHORT_GRACE = ExecutionContext.builder().cancelGrace(Duration.ofMillis(200)).build();

  /** A batch limit that turns a gate that never opens into a failure rather than a hang. */
  static final Duration GATED_BATCH_LIMIT = Duration.ofSeconds(30);

  private Batches() {}

  static CommandExecutor executor() {
    return TestPrograms.executor();
  }

  static CommandExecutor executor(Executor taskExecutor) {
    return CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).taskExecutor(taskExecutor).build();
  }

  static ConcurrentConfig.Builder config() {
    return ConcurrentConfig.builder().context(SHORT_GRACE);
  }

  /** A command that exits with the code at once. */
  static SafeCmd exit(int code) {
    return sh("exit " + code);
  }

  /**
   * A command that runs until it is ended, with a child of its own: both carry the marker on
   * their command lines.
   */
  static SafeCmd hang(String marker) {
    return sh("sh -c 'sleep 30; : $0' \"$1\" & wait", marker);
  }

  /** A command that sleeps, then exits with the code. */
  static SafeCmd sleepThenExit(double seconds, int code) {
    return sh("sleep " + seconds + "; exit " + code);
  }

  /**
   * The number of processes running at once, from each process's START to its EXIT event. Both
   * are emitted on the thread that runs the command, START after the spawn and EXIT after the
   * process was reaped, so the count never falls below the number of live processes.
   */
  static final class Overlap implements ExecHook {

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ExecEvent event) {
      if (event.phase() == ExecPhase.START) {
        threads.add(Thread.currentThread().getName());
        started.incrementAndGet();
        running.add(event.execId());
        peak.accumulateAndGet(running.size(), Math::max);
      } else if (event.phase() == ExecPhase.EXIT) {
        running.remove(event.execId());
      }
    }

    int now() {
      return running.size();
    }

    int peak() {
      return peak.get();
    }

    int started() {
      return started.get();
    }

    /** The names of the threads that started the processes. */
    List<String> threads() {
      return threads;
    }
  }

  /**
   * A file whose creation lets every {@link #waiter()} command exit: until then the commands
   * stay alive, so whoever counts them sees them all at once.
   */
  static final class Gate {

    private final Path file;

    Gate(Path directory) {
      this.file = directory.resolve("gate-" + UUID.randomUUID());
    }

    SafeCmd waiter() {
      return waiter(0);
    }

    /** A waiter that exits with the code once the gate is open. */
    SafeCmd waiter(int exitCode) {
      return sh("while [ ! -e \"$1\" ]; do sleep 0.02; done; exit " + exitCode, file.toString());
    }

    /** Opens the gate; opening an open gate changes nothing. */
    void open() {
      try {
        Files.createFile(file);
      } catch (FileAlreadyExistsException alreadyOpen) {
        // the gate stays open
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
