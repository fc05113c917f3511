package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ProcessStartException;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many commands with every kind of outcome, {@value #IN_FLIGHT} at a time: each one is accounted
 * for, and afterwards no process, file descriptor or thread is left over. CI runs
 * {@value #DEFAULT_COMMANDS} commands; {@code -Dcuprum.soak.commands=10000} runs the full soak.
 */
class SoakTest {

  private static final Logger LOG = LoggerFactory.getLogger(SoakTest.class);
  private static final int DEFAULT_COMMANDS = 1_000;
  private static final int IN_FLIGHT = 64;
  /** The JDK closes a reaped process's pipes on its reaper thread, a moment after the exit. */
  private static final int DESCRIPTOR_SLACK = 4;
  private static final ExecutionContext SHORT_GRACE = ExecutionContext.builder()
      .cancelGrace(Duration.ofMillis(100)).build();

  /** What a command of the soak does, and so how its run must end. */
  private enum Kind {
    OUTPUT, FAILURE, STDIN, ECHO, TIMEOUT, CANCEL, SPAWN_FAILURE, LARGE_OUTPUT
  }

  private final ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
  private final CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
      .taskExecutor(workers).build();

  @Test
  void everyOutcomeIsAccountedForAndNothingIsLeftBehind() throws Exception {
    int commands = Integer.getInteger("cuprum.soak.commands", DEFAULT_COMMANDS);
    executor.run(sh("echo warm-up"));
    Processes.awaitIoThreadsIdle();
    List<String> threadsBefore = Processes.unpooledThreads();
    long descriptorsBefore = Processes.openFileDescriptors();

    Semaphore slots = new Semaphore(IN_FLIGHT);
    Map<Kind, AtomicInteger> expected = new EnumMap<>(Kind.class);
    Map<Kind, AtomicInteger> seen = new ConcurrentHashMap<>();
    List<String> wrong = new CopyOnWriteArrayList<>();
    List<CompletableFuture<?>> all = new CopyOnWriteArrayList<>();
    AtomicInteger peakRunning = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < commands; i++) {
      Kind kind = Kind.values()[i % Kind.values().length];
      expected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      slots.acquire();
      int index = i;
      CompletableFuture<CommandResult> run;
      try {
        run = launch(kind, index);
      } catch (RuntimeException e) {
        run = CompletableFuture.failedFuture(e);
      }
      if (kind == Kind.CANCEL) {
        run.cancel(true);
      }
      all.add(run.handle((result, error) -> {
        String problem = check(kind, index, result, error);
        if (problem == null) {
          seen.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        } else {
          wrong.add(problem);
        }
        peakRunning.accumulateAndGet(executor.runningCommands().size(), Math::max);
        slots.release();
        return null;
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    workers.shutdown();
    assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(wrong).isEmpty();
    for (Kind kind : Kind.values()) {
      assertThat(seen.get(kind)).as("%s outcomes", kind).hasValue(expected.get(kind).get());
    }
    Processes.awaitIoThreadsIdle();
    await().atMost(Duration.ofSeconds(10)).until(() -> executor.runningCommands().isEmpty());
    assertThat(Processes.runningDescendants()).isEmpty();
    await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(Processes.openFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + DESCRIPTOR_SLACK);
      assertThat(Processes.unpooledThreads()).as("threads before: %s", threadsBefore).hasSizeLessThanOrEqualTo(threadsBefore.size());
    });
    LOG.info("Soak: {} commands, {} in flight, in {} ms ({} commands/s); peak running processes {}; fds {} -> {}; "
        + "threads {} -> {}", commands, IN_FLIGHT, elapsed.toMillis(), commands * 1000L / Math.max(1, elapsed.toMillis()),
        peakRunning.get(), descriptorsBefore, Processes.openFileDescriptors(), threadsBefore.size(),
        Processes.unpooledThreads().size());
  }

  private CompletableFuture<CommandResult> launch(Kind kind, int index) {
    return switch (kind) {
      case OUTPUT -> executor.runAsync(cmd(TestPrograms.PRINTF, "%s", index), RunOptions.defaults());
      case FAILURE -> executor.runAsync(sh("echo failing >&2; exit 3"), RunOptions.defaults());
      case STDIN -> executor.runAsync(cmd(TestPrograms.CAT),
          RunOptions.builder().stdin(StdinInput.text("in-" + index)).build());
      case ECHO -> executor.runAsync(cmd(TestPrograms.PRINTF, "echoed\\n"), RunOptions.builder().echo(true)
          .context(ExecutionContext.builder().stdoutSink(OutputStream.nullOutputStream()).build()).build());
      case TIMEOUT -> executor.runAsync(sh("sleep 5"),
          RunOptions.builder().timeout(Duration.ofMillis(50)).context(SHORT_GRACE).build());
      case CANCEL -> executor.runAsync(sh("sleep 5"), RunOptions.builder().context(SHORT_GRACE).build());
      case SPAWN_FAILURE -> executor.runAsync(TestPrograms.cmd(TestPrograms.MISSING), RunOptions.defaults());
      case LARGE_OUTPUT -> executor.runAsync(sh("head -c 1048576 /dev/zero"), RunOptions.defaults());
    };
  }

  /** Null when the run ended as its kind requires, otherwise what went wrong. */
  private static @Nullable String check(Kind kind, int index, @Nullable CommandResult result,
      @Nullable Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean right = switch (kind) {
      case OUTPUT -> result != null && result.ok() && result.stdout().equals(Integer.toString(index));
      case FAILURE -> result != null && result.exitCode() == 3 && result.stderr().equals("failing\n");
      case STDIN -> result != null && result.stdout().equals("in-" + index);
      case ECHO -> result != null && result.stdout().equals("echoed\n");
      case TIMEOUT -> cause instanceof TimeoutExpiredException;
      case CANCEL -> cause instanceof java.util.concurrent.CancellationException
          || cause instanceof CommandCancelledException;
      case SPAWN_FAILURE -> cause instanceof ProcessStartException;
      case LARGE_OUTPUT -> result != null && result.ok() && result.stdout().length() == 1_048_576;
    };
    return right ? null : "command " + index + " (" + kind + "): " + (result != null ? result : cause);
  }
}
