package dev.cuprum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuprum.internal.process.IoThreads;
import dev.cuprum.internal.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** What tests check about the processes, threads and file descriptors a run leaves behind. */
public final class Processes {

  private Processes() {}

  /** A token to put on a test process's command line, to find it later. */
  public static String marker() {
    return "cuprum-" + UUID.randomUUID();
  }

  /** The running (not zombie) processes anywhere on the host whose command line has the token. */
  public static List<ProcessHandle> runningWith(String token) {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(ProcessTree::isRunning)
          .filter(handle -> handle.info().commandLine().map(line -> line.contains(token)).orElse(false)
              || handle.info().arguments().map(args -> List.of(args).contains(token)).orElse(false))
          .toList();
    }
  }

  /** Waits (generously) until no process with the token runs. */
  public static void awaitNoneRunningWith(String token) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(runningWith(token)).isEmpty());
  }

  /** The JVM's running child processes and their descendants. */
  public static List<ProcessHandle> runningDescendants() {
    try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
      return descendants.filter(ProcessTree::isRunning).toList();
    }
  }

  /** How many file descriptors the JVM has open. */
  public static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names of the JVM's live threads, leaving out the pools whose idle threads outlive a run
   * by design and are bounded: Cuprum's pump threads and the JDK's process reaper threads.
   */
  public static List<String> unpooledThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> !name.startsWith("cuprum-io-") && !name.startsWith("process reaper"))
        .toList();
  }

  /** Waits until no Cuprum I/O task runs any more. */
  public static void awaitIoThreadsIdle() {
    await().atMost(Duration.ofSeconds(10)).until(() -> IoThreads.busy() == 0);
  }
}
