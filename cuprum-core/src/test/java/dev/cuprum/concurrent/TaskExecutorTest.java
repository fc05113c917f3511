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
import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.Batches.Overlap;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TaskExecutorTest {

  @TempDir
  Path dir;

  private SafeCmd touch(String name) {
    return sh("touch \"$1\"", dir.resolve(name).toString());
  }

  @Test
  void theBatchRunsOnTheGivenTaskExecutor() {
    ExecutorService pool = Executors.newFixedThreadPool(2, task -> new Thread(task, "given-pool"));
    try {
      Overlap overlap = new Overlap();
      CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).taskExecutor(pool)
          .observeHook(overlap).build();
      ConcurrentResult result = executor.runConcurrent(List.of(exit(0), exit(0), exit(0)), ConcurrentConfig.defaults());
      assertThat(result.ok()).isTrue();
      assertThat(overlap.threads()).hasSize(3).containsOnly("given-pool");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExecutorThatRefusesEverythingFailsTheBatchAtOnce() {
    AtomicInteger offered = new AtomicInteger();
    Executor refusing = task -> {
      offered.incrementAndGet();
      throw new RejectedExecutionException("full");
    };
    CommandExecutor executor = Batches.executor(refusing);

    CompletableFuture<ConcurrentResult> future = executor.runConcurrentAsync(List.of(touch("a"), touch("b")),
        config().timeout(Duration.ofSeconds(30)).build());
    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).hasCauseInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> executor.runConcurrent(List.of(touch("a")), config().build()))
        .isInstanceOf(RejectedExecutionException.class).hasMessage("full");
    assertThat(offered.get()).isEqualTo(2);
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void anExecutorThatThrowsSomethingElseFailsTheBatchTheSameWay() {
    Executor broken = task -> {
      throw new IllegalStateException("executor is broken");
    };
    CompletableFuture<ConcurrentResult> future = Batches.executor(broken).runConcurrentAsync(List.of(touch("a")),
        ConcurrentConfig.defaults());
    assertThatThrownBy(future::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void anExecutorThatRefusesSomeWorkersStillRunsEveryCommand() {
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Executor acceptsOne = task -> {
        if (accepted.getAndIncrement() > 0) {
          throw new RejectedExecutionException("one is enough");
        }
        pool.execute(task);
      };
      ConcurrentResult result = Batches.executor(acceptsOne).runConcurrent(
          List.of(sh("printf a"), exit(2), sh("printf c")), config().concurrency(3).build());
      assertThat(result.results()).extracting(CommandResult::exitCode).containsExactly(0, 2, 0);
      assertThat(result.results().get(2).stdout()).isEqualTo("c");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExecutorThatSilentlyDropsSomeWorkersStillCompletesTheBatch() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
        new ThreadPoolExecutor.DiscardPolicy());
    try {
      CompletableFuture<ConcurrentResult> future = Batches.executor(pool).runConcurrentAsync(
          List.of(sh("sleep 0.1; printf a"), sh("printf b"), sh("printf c")), ConcurrentConfig.defaults());
      ConcurrentResult result = future.orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("a", "b", "c");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBatchWhoseWorkersAreAllDroppedEndsAtItsTimeout() {
    Executor dropping = task -> { };
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> Batches.executor(dropping).runConcurrent(List.of(touch("a")),
            config().timeout(Duration.ofMillis(200)).build()));
    assertThat(failure.partialResult().results()).isEmpty();
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void aBatchCompletesWithoutWaitingForWorkersQueuedBehindOtherWork() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    CountDownLatch release = new CountDownLatch(1);
    try {
      pool.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      // One thread is busy elsewhere: one worker runs all three commands, the others wait in the queue.
      ConcurrentResult result = Batches.executor(pool).runConcurrentAsync(
          List.of(sh("printf a"), sh("printf b"), sh("printf c")), config().concurrency(3).build())
          .orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("a", "b", "c");
      assertThat(release.getCount()).isEqualTo(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptedBatchDoesNotWaitForWorkersQueuedBehindOtherWork() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    CountDownLatch release = new CountDownLatch(1);
    String marker = Processes.marker();
    try {
      pool.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          Batches.executor(pool).runConcurrent(List.of(hang(marker), hang(marker)), config().concurrency(2).build());
        } catch (Throwable e) {
          thrown.set(e);
        }
      });
      caller.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> Processes.runningWith(marker).size() >= 2);
      caller.interrupt();
      caller.join(10_000);

      assertThat(caller.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(CommandCancelledException.class);
      assertThat(Processes.runningWith(marker)).isEmpty();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aRunningCommandIsEndedWhenTheExecutorIsShutDownUnderIt() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    String marker = Processes.marker();
    CompletableFuture<ConcurrentResult> future = Batches.executor(pool).runConcurrentAsync(
        List.of(hang(marker), exit(0)), config().build());
    await().atMost(Duration.ofSeconds(5)).until(() -> Processes.runningWith(marker).size() >= 2);

    pool.shutdownNow();

    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> {
          try {
            future.orTimeout(20, TimeUnit.SECONDS).join();
          } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause();
          }
        });
    assertThat(failure.errors().get(0)).isInstanceOf(CommandCancelledException.class);
    assertThat(failure.partialResult().submissionIndices()).containsExactly(1);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void commandObservationsAreChildrenOfTheBatchAndTheCallersObservation() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    List<Observation.Context> contexts = new CopyOnWriteArrayList<>();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        contexts.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .observationRegistry(registry).build();
    Observation caller = Observation.start("caller", registry);
    try (Observation.Scope scope = caller.openScope()) {
      executor.runConcurrent(List.of(exit(0), exit(1)), config().concurrency(2).build());
    } finally {
      caller.stop();
    }

    Observation.Context batch = contexts.stream().filter(context -> "cuprum.batch".equals(context.getName()))
        .findFirst().orElseThrow();
    assertThat(batch.getParentObservation().getContextView().getName()).isEqualTo("caller");
    assertThat(contexts.stream().filter(context -> "cuprum.exec".equals(context.getName())))
        .hasSize(2)
        .allSatisfy(exec -> assertThat(exec.getParentObservation().getContextView()).isSameAs(batch));
    assertThat(batch.getLowCardinalityKeyValue("cuprum.outcome").getValue()).isEqualTo("FAILURE");
  }
}
