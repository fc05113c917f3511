package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Processes that misbehave cannot hang a run, leak a process or thread, or exhaust the heap. */
class FaultsTest {

  private final CommandExecutor executor = TestPrograms.executor();

  @AfterEach
  void nothingLeftBehind() {
    Processes.awaitIoThreadsIdle();
  }

  @Test
  void sigtermIgnoringChildAndGrandchildrenAreKilledOnTimeout() {
    String marker = Processes.marker();
    assertThatThrownBy(() -> executor.run(
        sh("trap '' TERM; for i in 1 2 3; do sh -c 'trap \"\" TERM; sleep 30; : $0' " + marker + " & done; wait"),
        RunOptions.builder().timeout(Duration.ofMillis(300))
            .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(200)).build()).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void childKilledFromOutsideEndsTheRunWithItsSignal() throws Exception {
    CompletableFuture<CommandResult> run = executor.runAsync(sh("exec sleep 30"), RunOptions.defaults());
    await().atMost(Duration.ofSeconds(5)).until(() -> !executor.runningCommands().isEmpty());
    ProcessHandle.of(executor.runningCommands().get(0).pid()).orElseThrow().destroyForcibly();
    CommandResult result = run.get();
    assertThat(result.exitCode()).isEqualTo(137);
    assertThat(result.ok()).isFalse();
  }

  @Test
  void childClosingStdoutEarlyIsWaitedFor() {
    long start = System.nanoTime();
    CommandResult result = executor.run(sh("echo early; exec >&-; sleep 0.5; echo late >&2"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    assertThat(result.stdout()).isEqualTo("early\n");
    assertThat(result.stderr()).isEqualTo("late\n");
  }

  @Test
  void hundredMebibytesOnOneLineArriveInBoundedPieces() {
    AtomicInteger pieces = new AtomicInteger();
    AtomicLong chars = new AtomicLong();
    AtomicInteger longest = new AtomicInteger();
    long size = 100L * 1024 * 1024;
    try (Registration hook = Cuprum.observe(event -> {
      if (event.phase() == ExecPhase.STDOUT) {
        pieces.incrementAndGet();
        chars.addAndGet(event.line().length());
        longest.accumulateAndGet(event.line().length(), Math::max);
      }
    })) {
      CommandResult result = executor.run(sh("head -c " + size + " /dev/zero | tr '\\000' 'x'"),
          RunOptions.builder().context(ExecutionContext.builder().maxCaptureBytes(1024).build()).build());
      assertThat(result.ok()).isTrue();
      assertThat(result.truncated()).isTrue();
    }
    assertThat(chars.get()).isEqualTo(size);
    assertThat(longest.get()).isEqualTo(64 * 1024);
    assertThat(pieces.get()).isEqualTo(1600);
  }

  @Test
  void anOutputFloodStopsAtTheCaptureLimitWhileTheHeapStaysSmall() {
    long limit = 4L * 1024 * 1024;
    long usedBefore = usedHeap();
    CommandResult result = executor.run(sh("head -c 500000000 /dev/zero"),
        RunOptions.builder().context(ExecutionContext.builder().maxCaptureBytes(limit).build()).build());
    long grown = usedHeap() - usedBefore;
    assertThat(result.ok()).isTrue();
    assertThat(result.truncated()).isTrue();
    assertThat(result.stdout()).startsWith("\0".repeat(1000))
        .endsWith("[cuprum: output truncated at 4194304 bytes, 495805696 more bytes dropped]");
    assertThat(grown).as("heap growth").isLessThan(64L * 1024 * 1024);
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
