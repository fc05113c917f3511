package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.config;
import static dev.cuprum.concurrent.Batches.exit;
import static dev.cuprum.concurrent.Batches.hang;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTest {

  private final CommandExecutor executor = Batches.executor();

  @TempDir
  Path dir;

  /**
   * A command that counts its runs in a file and exits non-zero until its {@code succeedOn}-th
   * run (never, when 0).
   */
  private SafeCmd flaky(String name, int succeedOn) {
    return sh("echo run >> \"$1\"; n=$(wc -l < \"$1\"); [ \"$2\" -ne 0 ] && [ \"$n\" -ge \"$2\" ] && exit 0; exit 3",
        dir.resolve(name).toString(), succeedOn);
  }

  private long runs(String name) throws Exception {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  /** Records the listener calls of one batch, per submission index, with their times. */
  private static final class Recorder implements BatchListener {

    final Map<Integer, List<Long>> started = new ConcurrentHashMap<>();
    final Map<Integer, List<Long>> finished = new ConcurrentHashMap<>();

    @Override
    public void started(int submissionIndex, SafeCmd cmd) {
      started.computeIfAbsent(submissionIndex, i -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    }

    @Override
    public void finished(int submissionIndex, CommandResult result) {
      finished.computeIfAbsent(submissionIndex, i -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    }
  }

  @Test
  void aFailingCommandIsRetriedUntilItSucceeds() throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger before = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    Map<ExecPhase, AtomicInteger> phases = new ConcurrentHashMap<>();
    ConcurrentResult result;
    try (Registration hooks = Cuprum.before(cmd -> before.incrementAndGet());
        Registration afterHook = Cuprum.after((cmd, r) -> after.incrementAndGet());
        Registration observe = Cuprum.observe(
            event -> phases.computeIfAbsent(event.phase(), phase -> new AtomicInteger()).incrementAndGet())) {
      result = executor.runConcurrent(List.of(flaky("a", 3), flaky("b", 1), exit(0)),
          config().retry(new RetryPolicy(5, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), r -> !r.ok()))
              .listener(recorder).build());
    }

    assertThat(result.ok()).isTrue();
    assertThat(result.results()).hasSize(3);
    assertThat(runs("a")).isEqualTo(3);
    assertThat(runs("b")).isEqualTo(1);
    assertThat(recorder.started.get(0)).hasSize(3);
    assertThat(recorder.finished.get(0)).hasSize(3);
    assertThat(recorder.started.get(1)).hasSize(1);
    assertThat(recorder.started.get(2)).hasSize(1);
    // Every attempt is a full run: 5 runs in all.
    assertThat(before.get()).isEqualTo(5);
    assertThat(after.get()).isEqualTo(5);
    assertThat(phases.get(ExecPhase.PLAN)).hasValue(5);
    assertThat(phases.get(ExecPhase.START)).hasValue(5);
    assertThat(phases.get(ExecPhase.EXIT)).hasValue(5);
  }

  @Test
  void attemptsStopAtTheMaximumAndKeepTheLastResult() throws Exception {
    ConcurrentResult result = executor.runConcurrent(List.of(flaky("never", 0), exit(0)),
        config().retry(new RetryPolicy(4, Duration.ofMillis(5), 1.0, Duration.ofMillis(5), r -> !r.ok())).build());
    assertThat(runs("never")).isEqualTo(4);
    assertThat(result.failures()).containsExactly(0);
    assertThat(result.results().get(0).exitCode()).isEqualTo(3);
  }

  @Test
  void theBackoffGrowsBetweenAttempts() {
    Recorder recorder = new Recorder();
    executor.runConcurrent(List.of(flaky("slow", 0)),
        config().retry(new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofMillis(250), r -> !r.ok()))
            .listener(recorder).build());

    List<Long> starts = recorder.started.get(0);
    List<Long> ends = recorder.finished.get(0);
    assertThat(starts).hasSize(4);
    List<Duration> pauses = new ArrayList<>();
    for (int i = 1; i < starts.size(); i++) {
      pauses.add(Duration.ofNanos(starts.get(i) - ends.get(i - 1)));
    }
    // 100 ms, then 200 ms, then 400 ms capped at 250 ms: lower bounds only, the machine may be slow.
    assertThat(pauses.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(pauses.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(pauses.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
  }

  @Test
  void retryIfDecidesOnTheResult() throws Exception {
    ConcurrentResult result = executor.runConcurrent(List.of(flaky("retried", 2), sh("echo fatal; exit 3")),
        config().retry(new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO,
            r -> r.exitCode() == 3 && !"fatal\n".equals(r.stdout()))).build());
    assertThat(runs("retried")).isEqualTo(2);
    assertThat(result.results().get(0).ok()).isTrue();
    assertThat(result.failures()).containsExactly(1);
  }

  @Test
  void aThrowingRetryConditionFailsOnlyItsCommand() {
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(exit(1), exit(0)),
            config().retry(new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO, r -> {
              if (!r.ok()) {
                throw new IllegalStateException("cannot decide");
              }
              return false;
            })).build()));
    assertThat(failure.errors().keySet()).containsExactly(0);
    assertThat(failure.getCause()).hasMessage("cannot decide");
    assertThat(failure.partialResult().submissionIndices()).containsExactly(1);
  }

  @Test
  void failFastWaitsForTheRetriesBeforeFailing() throws Exception {
    ConcurrentResult result = executor.runConcurrent(List.of(flaky("recovers", 2), sh("sleep 0.5; printf ok")),
        config().failFast(true).retry(new RetryPolicy(2, Duration.ofMillis(10), 1.0, Duration.ofMillis(10),
            r -> !r.ok())).build());
    assertThat(runs("recovers")).isEqualTo(2);
    assertThat(result.ok()).isTrue();
    assertThat(result.submissionIndices()).containsExactly(0, 1);
  }

  @Test
  void stoppingTheBatchCutsABackoffShort() {
    String marker = Processes.marker();
    long start = System.nanoTime();
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(exit(1), hang(marker)),
            config().timeout(Duration.ofMillis(400))
                .retry(new RetryPolicy(3, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30), r -> !r.ok())).build()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure.partialResult().submissionIndices()).containsExactly(0);
    assertThat(failure.partialResult().results().get(0).exitCode()).isEqualTo(1);
    assertThat(failure.errors().keySet()).containsExactly(1);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }
}
