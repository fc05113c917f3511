package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeakTest {

  private final CommandExecutor executor = TestPrograms.executor();

  @Test
  void fiveHundredRunsLeaveNoThreadDescriptorOrChildBehind() {
    executor.run(sh("echo warm-up"));
    Processes.awaitIoThreadsIdle();
    long descriptorsBefore = Processes.openFileDescriptors();
    AtomicInteger lines = new AtomicInteger();
    RunOptions timeout = RunOptions.builder().timeout(Duration.ofMillis(50))
        .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(50)).build()).build();

    try (Registration hook = Cuprum.observe(event -> lines.incrementAndGet())) {
      for (int i = 0; i < 500; i++) {
        switch (i % 5) {
          case 0 -> executor.run(sh("echo out; echo err >&2"));
          case 1 -> executor.run(sh("cat"), RunOptions.builder().stdin(StdinInput.text("in\n")).build());
          case 2 -> executor.run(sh("exit 3"), RunOptions.builder().capture(false).build());
          case 3 -> assertThatThrownBy(() -> executor.run(sh("sleep 5"), timeout))
              .isInstanceOf(TimeoutExpiredException.class);
          default -> executor.run(sh("printf 'a\\nb\\n'"), RunOptions.builder().echo(true)
              .context(ExecutionContext.builder().stdoutSink(java.io.OutputStream.nullOutputStream()).build()).build());
        }
      }
    }

    assertThat(lines.get()).isGreaterThan(1500);
    Processes.awaitIoThreadsIdle();
    assertThat(Processes.runningDescendants()).isEmpty();
    assertThat(executor.runningCommands()).isEmpty();
    // The JDK closes pipes of reaped processes from its reaper thread: allow it a moment.
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(Processes.openFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 2));
    long ioThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("cuprum-io-")).count();
    assertThat(ioThreads).as("idle pooled I/O threads").isLessThanOrEqualTo(8);
  }
}
