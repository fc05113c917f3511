package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.GATED_BATCH_LIMIT;
import static dev.cuprum.concurrent.Batches.config;
import static dev.cuprum.concurrent.Batches.exit;
import static dev.cuprum.concurrent.Batches.hang;
import static dev.cuprum.concurrent.Batches.sleepThenExit;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ProcessStartException;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.Batches.Gate;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailFastTest {

  private final CommandExecutor executor = Batches.executor();

  /** Records the listener calls of one batch, and opens a gate once they say so. */
  private static final class Recorder implements BatchListener {

    final List<Integer> started = new CopyOnWriteArrayList<>();
    final List<Integer> finished = new CopyOnWriteArrayList<>();
    final Map<Integer, Throwable> failed = new ConcurrentHashMap<>();
    private final @Nullable Gate gate;
    private final Predicate<Recorder> opensGate;

    Recorder() {
      this(null, recorder -> false);
    }

    Recorder(@Nullable Gate gate, Predicate<Recorder> opensGate) {
      this.gate = gate;
      this.opensGate = opensGate;
    }

    @Override
    public void started(int submissionIndex, SafeCmd cmd) {
      started.add(submissionIndex);
      openGateWhenDue();
    }

    @Override
    public void finished(int submissionIndex, CommandResult result) {
      finished.add(submissionIndex);
      openGateWhenDue();
    }

    @Override
    public void failed(int submissionIndex, Throwable error) {
      failed.put(submissionIndex, error);
    }

    private void openGateWhenDue() {
      if (gate != null && opensGate.test(this)) {
        gate.open();
      }
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aLaterCommandFailingFirstCancelsTheSlowerOneBeforeIt() {
    long start = System.nanoTime();
    ConcurrentResult result = executor.runConcurrent(List.of(sh("sleep 30"), exit(7)),
        ConcurrentConfig.builder().failFast(true).build());
    assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.results()).hasSize(1);
    assertThat(result.failures()).containsExactly(0);
    assertThat(result.submissionIndices()).containsExactly(1);
    assertThat(result.failureSubmissionIndices()).containsExactly(1);
    assertThat(result.firstFailure().exitCode()).isEqualTo(7);
    assertThat(result.ok()).isFalse();
  }

  @Test
  void anEarlyFailureCancelsTheSlowerOneAfterIt() {
    long start = System.nanoTime();
    ConcurrentResult result = executor.runConcurrent(List.of(exit(42), sh("sleep 30")),
        ConcurrentConfig.builder().failFast(true).build());
    assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.failures()).containsExactly(0);
    assertThat(result.submissionIndices()).containsExactly(0);
    assertThat(result.firstFailure().exitCode()).isEqualTo(42);
  }

  @Test
  void aFailureInTheMiddleEndsEveryTreeAroundIt(@TempDir Path dir) {
    String marker = Processes.marker();
    Gate failure = new Gate(dir);
    // The failure comes once every command started and the quick one finished.
    Recorder recorder = new Recorder(failure,
        recorded -> recorded.started.size() == 5 && recorded.finished.contains(4));
    ConcurrentResult result = executor.runConcurrent(
        List.of(hang(marker), hang(marker), failure.waiter(3), hang(marker), sh("printf quick")),
        config().failFast(true).listener(recorder).timeout(GATED_BATCH_LIMIT).build());

    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(result.submissionIndices()).contains(2).doesNotContain(0, 1, 3);
    assertThat(result.results().get(result.submissionIndices().indexOf(2)).exitCode()).isEqualTo(3);
    assertThat(result.failureSubmissionIndices()).containsExactly(2);
    assertThat(recorder.started).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    // Every start is matched by an end: the commands the batch ended are reported as failed.
    assertThat(recorder.failed.keySet()).containsExactlyInAnyOrder(0, 1, 3);
    assertThat(recorder.failed.values()).allSatisfy(error -> assertThat(error)
        .isInstanceOf(CommandCancelledException.class));
  }

  @Test
  void queuedCommandsNeverStartAfterAFailure(@TempDir Path dir) {
    String marker = Processes.marker();
    Gate failure = new Gate(dir);
    Recorder recorder = new Recorder(failure, recorded -> recorded.started.size() == 2);
    ConcurrentResult result = executor.runConcurrent(
        List.of(hang(marker), failure.waiter(9), hang(marker), sh("printf never"), exit(0)),
        config().failFast(true).concurrency(2).listener(recorder).timeout(GATED_BATCH_LIMIT).build());

    assertThat(recorder.started).containsExactlyInAnyOrder(0, 1);
    assertThat(result.submissionIndices()).containsExactly(1);
    assertThat(result.failures()).containsExactly(0);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void sequentialFailFastStopsAtTheFirstFailure() {
    Recorder recorder = new Recorder();
    ConcurrentResult result = executor.runConcurrent(List.of(exit(0), exit(4), exit(0), exit(5)),
        config().failFast(true).concurrency(1).listener(recorder).build());
    assertThat(recorder.started).containsExactly(0, 1);
    assertThat(result.submissionIndices()).containsExactly(0, 1);
    assertThat(result.failures()).containsExactly(1);
    assertThat(result.failureSubmissionIndices()).containsExactly(1);
  }

  @Test
  void withoutFailuresFailFastKeepsEveryResult() {
    ConcurrentResult result = executor.runConcurrent(List.of(sh("printf a"), sh("printf b"), sh("printf c")),
        config().failFast(true).concurrency(2).build());
    assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("a", "b", "c");
    assertThat(result.submissionIndices()).containsExactly(0, 1, 2);
    assertThat(result.ok()).isTrue();
  }

  @Test
  void anExceptionFailsFastWithThatException() {
    String marker = Processes.marker();
    SafeCmd missing = TestPrograms.cmd(TestPrograms.MISSING);
    long start = System.nanoTime();
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(hang(marker), sleepThenExit(0.2, 0), missing, hang(marker)),
            config().failFast(true).concurrency(3).build()));

    assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure.errors().keySet()).containsExactly(2);
    assertThat(failure.getCause()).isInstanceOf(ProcessStartException.class);
    assertThat(failure.partialResult().submissionIndices()).doesNotContain(0, 2, 3);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void simultaneousFailuresAreBothKeptWhenBothFinished() {
    ConcurrentResult result = executor.runConcurrent(List.of(exit(1), exit(2), sh("sleep 30")),
        config().failFast(true).build());
    assertThat(result.results()).isNotEmpty().allSatisfy(each -> assertThat(each.ok()).isFalse());
    assertThat(result.submissionIndices()).isSubsetOf(0, 1).isSorted();
    assertThat(result.failures()).hasSameSizeAs(result.results());
  }
}
