package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ExecutorShutdownException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.ShutdownHookMain;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An executor that shuts down refuses new work, lets running work finish for a while, then ends it. */
class ShutdownTest {

  private static final Duration SHORT_GRACE = Duration.ofMillis(200);

  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger stopped = new AtomicInteger();
  private final CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
      .cancelGrace(SHORT_GRACE).observationRegistry(observations).build();

  ShutdownTest() {
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        started.incrementAndGet();
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.incrementAndGet();
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  @Test
  void aShutDownExecutorRefusesEveryKindOfRunAndStartsNothing() {
    String marker = Processes.marker();
    SafeCmd marked = sh("sleep 30; : " + marker);

    assertThat(executor.isShutdown()).isFalse();
    assertThat(executor.shutdown(Duration.ofSeconds(5))).isTrue();
    assertThat(executor.isShutdown()).isTrue();

    assertThatThrownBy(() -> executor.run(marked)).isInstanceOf(ExecutorShutdownException.class)
        .hasMessage("Command [sh, -c, sleep 30; : " + marker + ", sh] was refused: the executor has shut down");
    assertThatThrownBy(() -> executor.runAsync(marked, RunOptions.defaults()))
        .isInstanceOf(ExecutorShutdownException.class);
    assertThatThrownBy(() -> executor.run(marked.pipe(cmd(TestPrograms.CAT))))
        .isInstanceOf(ExecutorShutdownException.class).hasMessageStartingWith("Pipeline [[sh, -c, sleep 30");
    assertThatThrownBy(() -> executor.runConcurrent(List.of(marked), ConcurrentConfig.defaults()))
        .isInstanceOf(ExecutorShutdownException.class)
        .hasMessage("Batch of 1 commands was refused: the executor has shut down");
    assertThatThrownBy(() -> executor.runConcurrentAsync(List.of(marked), ConcurrentConfig.defaults()))
        .isInstanceOf(ExecutorShutdownException.class);
    assertThat(Processes.runningWith(marker)).isEmpty();
    TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
  }

  @Test
  void runningWorkThatEndsWithinTheWaitFinishesNormally() throws Exception {
    CompletableFuture<CommandResult> quick = executor.runAsync(sh("sleep 0.3; echo done"), RunOptions.defaults());
    await().atMost(Duration.ofSeconds(10)).until(() -> !executor.runningCommands().isEmpty());

    assertThat(executor.shutdown(Duration.ofSeconds(30))).isTrue();

    assertThat(quick.get(10, TimeUnit.SECONDS).stdout()).isEqualTo("done\n");
    assertThat(executor.runningCommands()).isEmpty();
  }

  @Test
  void workStillRunningAfterTheWaitIsEndedAndEveryCallerHearsOfIt() throws Exception {
    String marker = Processes.marker();
    SafeCmd longOne = sh("sleep 30; : " + marker);
    AtomicReference<Throwable> synchronous = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        executor.run(longOne);
      } catch (Throwable e) {
        synchronous.set(e);
      }
    });
    caller.start();
    CompletableFuture<CommandResult> async = executor.runAsync(longOne, RunOptions.defaults());
    CompletableFuture<?> pipeline = CompletableFuture.runAsync(() -> executor.run(longOne.pipe(cmd(TestPrograms.CAT))));
    Map<Integer, Throwable> memberFailures = new ConcurrentHashMap<>();
    CompletableFuture<ConcurrentResult> batch = executor.runConcurrentAsync(List.of(longOne, longOne, longOne),
        ConcurrentConfig.builder().concurrency(1).listener(new BatchListener() {
          @Override
          public void failed(int submissionIndex, Throwable error) {
            memberFailures.put(submissionIndex, error);
          }
        }).build());
    await().atMost(Duration.ofSeconds(10)).until(() -> Processes.runningWith(marker).size() >= 4);

    long shutdownStart = System.nanoTime();
    assertThat(executor.shutdown(Duration.ofMillis(100))).isFalse();
    Duration took = Duration.ofNanos(System.nanoTime() - shutdownStart);

    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(executor.runningCommands()).isEmpty();
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    caller.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(synchronous.get()).isInstanceOf(ExecutorShutdownException.class)
        .hasMessage("Command [sh, -c, sleep 30; : " + marker + ", sh] was ended: the executor shut down");
    assertThatThrownBy(() -> async.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ExecutorShutdownException.class);
    assertThatThrownBy(() -> pipeline.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ExecutorShutdownException.class);
    assertThatThrownBy(() -> batch.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ExecutorShutdownException.class);
    // The running member was ended, the two queued ones never started: the listener hears of all three.
    await().atMost(Duration.ofSeconds(10)).until(() -> memberFailures.size() == 3);
    assertThat(memberFailures.get(1)).isInstanceOf(ExecutorShutdownException.class);
    assertThat(memberFailures.get(2)).isInstanceOf(ExecutorShutdownException.class);
    // Every observation was stopped: spans and timers close.
    await().atMost(Duration.ofSeconds(10)).until(() -> stopped.get() == started.get());
    assertThat(started.get()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aProgramThatIgnoresSigtermIsKilledAfterTheGrace() {
    String marker = Processes.marker();
    CompletableFuture<CommandResult> stubborn = executor.runAsync(sh("trap '' TERM; sleep 30; : " + marker),
        RunOptions.defaults());
    await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.runningWith(marker).isEmpty());

    executor.close();

    assertThat(executor.isShutdown()).isTrue();
    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThatThrownBy(stubborn::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ExecutorShutdownException.class);
  }

  @Test
  void aCommandWhoseOwnGraceIsLongStillEndsWhenItsCallerSeesTheShutdown() {
    String marker = Processes.marker();
    RunOptions patient = RunOptions.builder()
        .context(ExecutionContext.builder().cancelGrace(Duration.ofSeconds(1)).build()).build();
    CompletableFuture<CommandResult> running = executor.runAsync(sh("sleep 30; : " + marker), patient);
    await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.runningWith(marker).isEmpty());

    assertThat(executor.shutdown(Duration.ZERO)).isFalse();

    assertThatThrownBy(running::join).hasCauseInstanceOf(ExecutorShutdownException.class);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void aShutdownHookEndsTheProcessesOfAnExecutorInAJvmThatIsStopped() throws Exception {
    String marker = Processes.marker();
    Process jvm = startJvmRunning(marker);
    try {
      jvm.destroy(); // SIGTERM
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      jvm.destroyForcibly();
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aJvmKilledWithSigkillLeavesItsChildrenRunning() throws Exception {
    String marker = Processes.marker();
    Process jvm = startJvmRunning(marker);
    try {
      jvm.destroyForcibly(); // SIGKILL: no hook runs
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<ProcessHandle> orphans = Processes.runningWith(marker);
      assertThat(orphans).hasSize(1);
      orphans.forEach(ProcessHandle::destroyForcibly);
    } finally {
      jvm.destroyForcibly();
    }
    Processes.awaitNoneRunningWith(marker);
  }

  /** A child JVM whose executor, built with a shutdown hook, runs a long command with the marker. */
  private static Process startJvmRunning(String marker) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ShutdownHookMain.class.getName(), marker).redirectErrorStream(true).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = output.readLine();
    } while (line != null && !line.equals("running"));
    assertThat(line).as("the child JVM's report that its command runs").isEqualTo("running");
    assertThat(Processes.runningWith(marker)).filteredOn(process -> process.pid() != jvm.pid()).hasSize(1);
    return jvm;
  }
}
