package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationTest {

  private static final ExecutionContext SHORT_GRACE = ExecutionContext.builder().cancelGrace(Duration.ofMillis(200)).build();

  private final CommandExecutor executor = TestPrograms.executor();

  private static RunOptions timeout(Duration timeout) {
    return RunOptions.builder().timeout(timeout).context(SHORT_GRACE).build();
  }

  @Test
  void timeoutEndsTheProcessAndKeepsPartialOutput() {
    long start = System.nanoTime();
    TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class,
        () -> executor.run(sh("echo partial; echo err >&2; sleep 30"), timeout(Duration.ofMillis(300))));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(timeout.stdout()).isEqualTo("partial\n");
    assertThat(timeout.stderr()).isEqualTo("err\n");
    assertThat(timeout.command()).isEqualTo(java.util.List.of("sh", "-c", "echo partial; echo err >&2; sleep 30", "sh"));
    assertThat(timeout).hasMessageContaining("timed out after 0.3 seconds");
  }

  @Test
  void timeoutWithoutCaptureHasNoOutput() {
    TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class, () -> executor.run(sh("sleep 30"),
        RunOptions.builder().capture(false).timeout(Duration.ofMillis(100)).context(SHORT_GRACE).build()));
    assertThat(timeout.stdout()).isNull();
    assertThat(timeout.stderr()).isNull();
  }

  @Test
  void nonPositiveTimeoutsAreAlreadyElapsed() {
    for (Duration elapsed : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
      TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class,
          () -> executor.run(TestPrograms.cmd(TestPrograms.TRUE), timeout(elapsed)));
      assertThat(timeout.timeout()).isEqualTo(elapsed);
      assertThat(timeout.stdout()).isNotNull();
    }
  }

  @Test
  void sigtermIgnoringProcessIsKilledAfterTheGrace() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> executor.run(sh("trap '' TERM; sleep 30"),
        RunOptions.builder().timeout(Duration.ofMillis(200))
            .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(300)).build()).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void timeoutEndsGrandchildrenToo() {
    String marker = Processes.marker();
    assertThatThrownBy(() -> executor.run(sh("sh -c 'sleep 30; : $0' " + marker + " & sleep 30 & wait"),
        timeout(Duration.ofMillis(300)))).isInstanceOf(TimeoutExpiredException.class);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void timeoutEndsSigtermIgnoringGrandchildren() {
    String marker = Processes.marker();
    assertThatThrownBy(() -> executor.run(sh("trap '' TERM; sh -c 'sleep 30; : $0' " + marker + " & wait"),
        timeout(Duration.ofMillis(300)))).isInstanceOf(TimeoutExpiredException.class);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }


  @Test
  void timeoutEndsADoubleForkedDescendantThatStillHoldsTheOutput() {
    String marker = Processes.marker();
    // The subshell exits at once, so the inner sh is re-parented away from the run's tree.
    assertThatThrownBy(() -> executor.run(sh("(sh -c 'sleep 30; : $0' " + marker + " &); sleep 30"),
        timeout(Duration.ofMillis(500)))).isInstanceOf(TimeoutExpiredException.class);
    assertThat(Processes.runningWith(marker)).isEmpty();
    Processes.awaitIoThreadsIdle();
  }

  /**
   * Each generation answers SIGTERM by starting the next in the background and exiting, so every
   * generation after the first is born outside the tree, after the last look at it, and holds the
   * run's output.
   */
  @Test
  void descendantsThatEscapeOneAfterAnotherAreAllEnded(@TempDir Path dir) throws Exception {
    String marker = Processes.marker();
    Path respawn = Files.writeString(dir.resolve("respawn.sh"), """
        trap 'if [ "$1" -gt 0 ]; then sh "$0" "$(($1 - 1))" "$2" & fi; exit 0' TERM
        i=0
        while [ "$i" -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
        """);
    RunOptions options = RunOptions.builder().timeout(Duration.ofMillis(300))
        .context(ExecutionContext.builder().cancelGrace(Duration.ofSeconds(5)).build()).build();
    try {
      assertThatThrownBy(() -> executor.run(TestPrograms.cmd(TestPrograms.SH, respawn.toString(), "4", marker), options))
          .isInstanceOf(TimeoutExpiredException.class);
      assertThat(Processes.runningWith(marker)).isEmpty();
      Processes.awaitIoThreadsIdle();
    } finally {
      Processes.runningWith(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void timeoutResolutionPrefersCallThenContextThenScopeThenExecutor() {
    CommandExecutor withDefault = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .defaultTimeout(Duration.ofMillis(100)).cancelGrace(Duration.ofMillis(100)).build();
    ExecutionContext contextTimeout = SHORT_GRACE.toBuilder().timeout(Duration.ofMillis(200)).build();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().timeout(Duration.ofMillis(300)).build())) {
      assertThat(timeoutOf(withDefault, RunOptions.builder().timeout(Duration.ofMillis(150)).context(contextTimeout).build()))
          .isEqualTo(Duration.ofMillis(150));
      assertThat(timeoutOf(withDefault, RunOptions.builder().context(contextTimeout).build())).isEqualTo(Duration.ofMillis(200));
      assertThat(timeoutOf(withDefault, RunOptions.builder().context(SHORT_GRACE).build())).isEqualTo(Duration.ofMillis(300));
    }
    assertThat(timeoutOf(withDefault, RunOptions.defaults())).isEqualTo(Duration.ofMillis(100));
    assertThat(executor.run(sh("sleep 0.2")).ok()).isTrue();
  }

  @Test
  void aCallsContextWithoutATimeoutLeavesTheTimeoutToTheScopeAndTheExecutor() {
    CommandExecutor withDefault = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .defaultTimeout(Duration.ofMillis(100)).cancelGrace(Duration.ofMillis(100)).build();
    ExecutionContext derived = ExecutionContext.builder().charset(StandardCharsets.UTF_8).build();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().timeout(Duration.ofMillis(300)).build())) {
      assertThat(timeoutOf(withDefault, RunOptions.builder().context(derived).build())).isEqualTo(Duration.ofMillis(300));
    }
    assertThat(timeoutOf(withDefault, RunOptions.builder().context(derived).build())).isEqualTo(Duration.ofMillis(100));
  }

  private static Duration timeoutOf(CommandExecutor executor, RunOptions options) {
    return catchThrowableOfType(TimeoutExpiredException.class, () -> executor.run(sh("sleep 30"), options)).timeout();
  }

  @Test
  void blockedStdinWriterDoesNotDelayTheTimeout() {
    byte[] large = new byte[8 * 1024 * 1024];
    long start = System.nanoTime();
    assertThatThrownBy(() -> executor.run(sh("sleep 30"),
        RunOptions.builder().timeout(Duration.ofMillis(200)).context(SHORT_GRACE).stdin(StdinInput.bytes(large)).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    Processes.awaitIoThreadsIdle();
  }

  @Test
  void cancellingTheFutureEndsTheProcessTree() throws Exception {
    String marker = Processes.marker();
    CompletableFuture<CommandResult> future = executor.runAsync(
        sh("sh -c 'sleep 30; : $0' " + marker + " & wait"), RunOptions.builder().context(SHORT_GRACE).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.runningWith(marker).isEmpty());

    assertThat(future.cancel(true)).isTrue();

    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    Processes.awaitNoneRunningWith(marker);
    await().atMost(Duration.ofSeconds(5)).until(() -> executor.runningCommands().isEmpty());
  }

  @Test
  void cancellationEscalatesForAProcessIgnoringSigterm() {
    String marker = Processes.marker();
    CompletableFuture<CommandResult> future = executor.runAsync(sh("trap '' TERM; sleep 30; : " + marker),
        RunOptions.builder().context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build()).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.runningWith(marker).isEmpty());
    future.cancel(false);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void futureTimeoutFromOutsideEndsTheProcessToo() {
    String marker = Processes.marker();
    CompletableFuture<CommandResult> future = executor.runAsync(sh("sleep 30; : " + marker),
        RunOptions.builder().context(SHORT_GRACE).build()).orTimeout(300, TimeUnit.MILLISECONDS);
    assertThatThrownBy(future::join).hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void interruptingASynchronousRunEndsTheProcessAndRestoresTheFlag() throws Exception {
    String marker = Processes.marker();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        executor.run(sh("sleep 30; : " + marker), RunOptions.builder().context(SHORT_GRACE).build());
      } catch (Throwable e) {
        thrown.set(e);
      }
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.runningWith(marker).isEmpty());
    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown.get()).isInstanceOf(CommandCancelledException.class).hasMessageContaining("was cancelled");
    assertThat(interruptedAfter.get()).isTrue();
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void anInterruptedThreadStartsNothing() {
    String marker = Processes.marker();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> executor.run(sh("sleep 30; : " + marker))).isInstanceOf(CommandCancelledException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aSecondInterruptDuringTheGraceCannotStopTheKill() throws Exception {
    String marker = Processes.marker();
    CountDownLatch started = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try (Registration hook = Cuprum.observe(event -> {
        if (event.phase() == dev.cuprum.events.ExecPhase.START) {
          started.countDown();
        }
      })) {
        executor.run(sh("trap '' TERM; sleep 30; : " + marker),
            RunOptions.builder().context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(500)).build()).build());
      } catch (CommandCancelledException expected) {
        // the outcome under test is that nothing keeps running
      }
    });
    caller.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.runningWith(marker).isEmpty());
    caller.interrupt();
    Thread.sleep(100);
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aGrandchildHoldingStdoutCannotHangTheRun() {
    String marker = Processes.marker();
    ExecutionContext quickDrain = ExecutionContext.builder().drainTimeout(Duration.ofMillis(300)).build();
    long start = System.nanoTime();
    CommandResult result = executor.run(sh("echo before; sh -c 'sleep 30; : $0' " + marker + " & echo after"),
        RunOptions.builder().context(quickDrain).build());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("before\nafter\n");
    // The grandchild was not part of a timeout or cancellation: it is left to finish on its own.
    assertThat(Processes.runningWith(marker)).isNotEmpty();
    // Its sleep, which holds the output too, first: the pump is idle only once the pipe closes.
    Processes.runningWith(marker).forEach(grandchild -> {
      grandchild.descendants().forEach(ProcessHandle::destroyForcibly);
      grandchild.destroyForcibly();
    });
    Processes.awaitNoneRunningWith(marker);
    Processes.awaitIoThreadsIdle();
  }
}
