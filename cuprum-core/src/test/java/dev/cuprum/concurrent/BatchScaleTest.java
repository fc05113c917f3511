package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.exit;
import static dev.cuprum.testing.TestPrograms.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchScaleTest {

  private static final int COMMANDS = 2_000;
  private static final int CONCURRENCY = 32;

  @Test
  void twoThousandCommandsAtConcurrency32AreAllAccountedForAndLeaveNothingBehind() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    CommandExecutor executor = Batches.executor(pool);
    executor.run(cmd(TestPrograms.PRINTF, "warm-up"));
    Processes.awaitIoThreadsIdle();
    List<String> threadsBefore = Processes.unpooledThreads();
    long descriptorsBefore = Processes.openFileDescriptors();

    List<SafeCmd> commands = IntStream.range(0, COMMANDS)
        .mapToObj(i -> i % 10 == 0 ? exit(i % 7 + 1) : cmd(TestPrograms.PRINTF, "%s", i))
        .toList();
    Set<Integer> started = ConcurrentHashMap.newKeySet();
    Set<Integer> finished = ConcurrentHashMap.newKeySet();
    ConcurrentResult result = executor.runConcurrent(commands, ConcurrentConfig.builder().concurrency(CONCURRENCY)
        .listener(new BatchListener() {
          @Override
          public void started(int submissionIndex, SafeCmd cmd) {
            started.add(submissionIndex);
          }

          @Override
          public void finished(int submissionIndex, CommandResult result) {
            finished.add(submissionIndex);
          }
        })
        .build());
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(result.results()).hasSize(COMMANDS);
    assertThat(started).hasSize(COMMANDS);
    assertThat(finished).hasSize(COMMANDS);
    for (int i = 0; i < COMMANDS; i++) {
      CommandResult each = result.results().get(i);
      if (i % 10 == 0) {
        assertThat(each.exitCode()).as("exit code of command %d", i).isEqualTo(i % 7 + 1);
      } else {
        assertThat(each.stdout()).as("output of command %d", i).isEqualTo(Integer.toString(i));
      }
    }
    assertThat(result.failures()).hasSize(COMMANDS / 10).allMatch(index -> index % 10 == 0);

    Processes.awaitIoThreadsIdle();
    assertThat(Processes.runningDescendants()).isEmpty();
    assertThat(executor.runningCommands()).isEmpty();
    // The JDK closes the pipes of reaped processes on its reaper threads: allow them a moment.
    await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(Processes.openFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 2);
      assertThat(Processes.unpooledThreads()).as("threads before: %s", threadsBefore).hasSizeLessThanOrEqualTo(threadsBefore.size());
    });
  }
}
