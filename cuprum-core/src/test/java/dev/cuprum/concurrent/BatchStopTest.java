package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.config;
import static dev.cuprum.concurrent.Batches.exit;
import static dev.cuprum.concurrent.Batches.hang;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.SafeCmd;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.internal.process.Waits;
import dev.cuprum.internal.run.Timers;
import dev.cuprum.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStopTest {

  private final CommandExecutor executor = Batches.executor();

  @TempDir
  Path dir;

  private final List<Integer> started = new CopyOnWriteArrayList<>();

  private final BatchListener recorder = new BatchListener() {
    @Override
    public void started(int submissionIndex, SafeCmd cmd) {
      started.add(submissionIndex);
    }
  };

  /** A command that leaves a file behind, so a test can tell whether it ever ran. */
  private SafeCmd touch(String name) {
    return sh("touch \"$1\"", dir.resolve(name).toString());
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void theBatchTimeoutEndsWhatRunsAndStartsNothingElse() {
    String marker = Processes.marker();
    long start = System.nanoTime();
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(sh("printf done"), hang(marker), hang(marker), touch("queued")),
            config().concurrency(2).timeout(Duration.ofMillis(500)).listener(recorder).build()));

    assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(10));
    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(dir.resolve("queued")).doesNotExist();
    assertThat(started).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(failure).hasMessageContaining("timed out after 0.5 seconds");
    assertThat(failure.partialResult().submissionIndices()).containsExactly(0);
    assertThat(failure.partialResult().results().get(0).stdout()).isEqualTo("done");
    assertThat(failure.errors().keySet()).containsExactly(1, 2);
    assertThat(failure.errors().values()).allSatisfy(error -> assertThat(error)
        .isInstanceOfSatisfying(TimeoutExpiredException.class,
            timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(500))));
  }

  @Test
  void theBatchTimeoutAlsoEndsFailFastBatches() {
    String marker = Processes.marker();
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(hang(marker), exit(0), hang(marker)),
            config().failFast(true).timeout(Duration.ofMillis(300)).build()));
    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(failure.partialResult().submissionIndices()).containsExactly(1);
    assertThat(failure.errors().keySet()).containsExactly(0, 2);
  }

  @Test
  void aBatchTimeoutThatIsNotReachedChangesNothing() {
    ConcurrentResult result = executor.runConcurrent(List.of(exit(0), exit(3)),
        config().timeout(Duration.ofSeconds(30)).build());
    assertThat(result.failures()).containsExactly(1);
    assertThat(result.submissionIndices()).containsExactly(0, 1);
  }

  @Test
  void anElapsedBatchTimeoutStartsNothing() {
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(touch("a"), touch("b")),
            config().timeout(Duration.ZERO).listener(recorder).build()));
    assertThat(failure.partialResult().results()).isEmpty();
    assertThat(failure.errors()).isEmpty();
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  /**
   * The timer that stops a batch can fire late (a busy machine, a busy timer thread); the members
   * themselves refuse to start once the deadline passed, so nothing starts however late it is.
   */
  @Test
  void aDeadlineWhoseTimerIsLateStillStartsNothing() throws Exception {
    CountDownLatch timerHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Timers.schedule(() -> {
      timerHeld.countDown();
      Waits.await(release, System.nanoTime() + Duration.ofSeconds(30).toNanos());
    }, Duration.ZERO);
    assertThat(timerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
          () -> executor.runConcurrent(List.of(touch("a"), touch("b")),
              config().timeout(Duration.ZERO).listener(recorder).build()));
      assertThat(failure.partialResult().results()).isEmpty();
      assertThat(failure.errors()).isEmpty();
      assertThat(dir.resolve("a")).doesNotExist();
      assertThat(dir.resolve("b")).doesNotExist();
    } finally {
      release.countDown();
    }
  }

  @Test
  void cancellingTheFutureEndsEveryCommandAndStartsNoOther() {
    String marker = Processes.marker();
    CompletableFuture<ConcurrentResult> future = executor.runConcurrentAsync(
        List.of(hang(marker), hang(marker), touch("queued")), config().concurrency(2).listener(recorder).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> Processes.runningWith(marker).size() >= 4);

    assertThat(future.cancel(true)).isTrue();

    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    Processes.awaitNoneRunningWith(marker);
    await().atMost(Duration.ofSeconds(5)).until(() -> executor.runningCommands().isEmpty());
    assertThat(dir.resolve("queued")).doesNotExist();
    assertThat(started).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void aTimeoutOnTheFutureEndsEveryCommandToo() {
    String marker = Processes.marker();
    CompletableFuture<ConcurrentResult> future = executor.runConcurrentAsync(
        List.of(hang(marker), hang(marker), touch("queued")), config().concurrency(2).build())
        .orTimeout(300, TimeUnit.MILLISECONDS);

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(TimeoutException.class);
    Processes.awaitNoneRunningWith(marker);
    assertThat(dir.resolve("queued")).doesNotExist();
  }

  @Test
  void interruptingASynchronousBatchEndsItsCommandsAndRestoresTheFlag() throws Exception {
    String marker = Processes.marker();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        executor.runConcurrent(List.of(hang(marker), hang(marker), touch("queued")),
            config().concurrency(2).listener(recorder).build());
      } catch (Throwable e) {
        thrown.set(e);
      }
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> Processes.runningWith(marker).size() >= 4);

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CommandCancelledException.class).hasMessageContaining("was cancelled");
    assertThat(interruptedAfter.get()).isTrue();
    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(dir.resolve("queued")).doesNotExist();
    assertThat(started).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void anInterruptedCallerStartsNothing() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> executor.runConcurrent(List.of(touch("a"), touch("b")),
          config().listener(recorder).build()))
          .isInstanceOf(CommandCancelledException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(started::isEmpty);
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }
}
