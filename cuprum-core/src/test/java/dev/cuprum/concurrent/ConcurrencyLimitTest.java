package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.config;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.Batches.Gate;
import dev.cuprum.concurrent.Batches.Overlap;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit, measured: the commands wait for a gate, so every process the batch starts stays
 * alive until the test has counted them; the count comes from START and EXIT events.
 */
class ConcurrencyLimitTest {

  @TempDir
  Path dir;

  /**
   * Runs {@code commands} gated commands and returns the peak overlap, after checking that
   * exactly {@code expected} ran at once while the gate was closed.
   */
  private int measure(@Nullable Executor taskExecutor, @Nullable Integer limit, int commands, int expected) {
    Overlap overlap = new Overlap();
    CommandExecutor.Builder builder = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observeHook(overlap);
    if (taskExecutor != null) {
      builder.taskExecutor(taskExecutor);
    }
    CommandExecutor executor = builder.build();
    Gate gate = new Gate(dir);
    List<Integer> order = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int submissionIndex, SafeCmd cmd) {
        order.add(submissionIndex);
      }
    };
    CompletableFuture<ConcurrentResult> future = executor.runConcurrentAsync(
        Collections.nCopies(commands, gate.waiter()), config().concurrency(limit).listener(listener).build());

    await().atMost(Duration.ofSeconds(10)).until(() -> overlap.now() == expected);
    // Hold the gate a little longer: a batch over its limit would start another process now.
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> overlap.now() == expected);
    gate.open();

    ConcurrentResult result = future.join();
    assertThat(result.results()).hasSize(commands).allSatisfy(each -> assertThat(each.ok()).isTrue());
    assertThat(overlap.started()).isEqualTo(commands);
    if (limit != null && limit == 1) {
      assertThat(order).as("a limit of 1 runs in submission order")
          .containsExactlyElementsOf(IntStream.range(0, commands).boxed().toList());
    }
    return overlap.peak();
  }

  @Test
  void aLimitOfOneRunsOneAtATime() {
    assertThat(measure(null, 1, 4, 1)).isEqualTo(1);
  }

  @Test
  void aLimitOfTwoRunsTwoAtATime() {
    assertThat(measure(null, 2, 6, 2)).isEqualTo(2);
  }

  @Test
  void aLimitOfFiveRunsFiveAtATime() {
    assertThat(measure(null, 5, 9, 5)).isEqualTo(5);
  }

  @Test
  void aLimitAboveTheCommandCountRunsThemAll() {
    assertThat(measure(null, 16, 3, 3)).isEqualTo(3);
  }

  @Test
  void theLimitHoldsOnAnExecutorWithMoreThreads() {
    ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
    try {
      assertThat(measure(pool, 3, 8, 3)).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutALimitTheTaskExecutorBoundsTheBatch() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(3, 3, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    try {
      assertThat(measure(pool, null, 7, 3)).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutALimitAnExecutorThatRefusesWhenFullBoundsTheBatch() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 3, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
    try {
      assertThat(measure(pool, null, 7, 3)).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutALimitEveryCommandRunsAtOnceOnTheDefaultExecutor() {
    assertThat(measure(null, null, 4, 4)).isEqualTo(4);
  }

  @Test
  void sequentialAndBoundedBatchesTakeAtLeastTheirSleeps() {
    CommandExecutor executor = Batches.executor();
    long start = System.nanoTime();
    executor.runConcurrent(Collections.nCopies(3, sh("sleep 0.15")), config().concurrency(1).build());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));

    start = System.nanoTime();
    ConcurrentResult result = executor.runConcurrent(Collections.nCopies(4, sh("sleep 0.2")),
        config().concurrency(2).build());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(result.results()).extracting(CommandResult::exitCode).containsOnly(0);
  }
}
