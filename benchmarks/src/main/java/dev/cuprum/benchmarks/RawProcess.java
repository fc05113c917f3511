package dev.cuprum.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The baseline: what careful hand-written {@link ProcessBuilder} code does. Stdin is the null
 * device (as Cuprum gives it), stdout is read on the calling thread, and stderr is drained on a
 * pooled thread at the same time, so that a process filling its stderr pipe cannot deadlock.
 */
final class RawProcess {

  private static final File NULL_DEVICE = new File("/dev/null");
  private static final AtomicInteger DRAINER_SEQUENCE = new AtomicInteger();
  private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "raw-drain-" + DRAINER_SEQUENCE.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  /** What a captured run returns. */
  record Output(int exitCode, String stdout, String stderr) {}

  private RawProcess() {}

  /** Runs a command to its end, capturing stdout and stderr as UTF-8 text. */
  static Output capture(List<String> argv) {
    Process process = start(argv);
    Future<byte[]> stderr = drainStderr(process);
    String stdout;
    try (InputStream in = process.getInputStream()) {
      stdout = new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Output(waitFor(process), stdout, new String(join(stderr), UTF_8));
  }

  /** Runs a command to its end, handing each stdout line to {@code lines}; returns the exit code. */
  static int readLines(List<String> argv, Consumer<String> lines) {
    Process process = start(argv);
    Future<byte[]> stderr = drainStderr(process);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    join(stderr);
    return waitFor(process);
  }

  /** Starts a command whose stdout and stderr the caller reads. */
  static Process start(List<String> argv) {
    try {
      return new ProcessBuilder(argv).redirectInput(NULL_DEVICE).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Future<byte[]> drainStderr(Process process) {
    return DRAINERS.submit(() -> {
      try (InputStream err = process.getErrorStream()) {
        return err.readAllBytes();
      }
    });
  }

  private static byte[] join(Future<byte[]> stderr) {
    try {
      return stderr.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while draining stderr", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Draining stderr failed", e.getCause());
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the process", e);
    }
  }
}
