package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.RunOptions;
import dev.cuprum.testing.TestPrograms;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thousand captured commands at once, run through {@code runAsync} on virtual threads: with the
 * native launcher they share one poller thread, so the JVM adds a handful of platform threads
 * where the JDK's launcher needs three per command (two pumps and a reaper).
 */
class ManyCommandsThreadsTest {

  private static final int COMMANDS = 1_000;
  private static final int MAX_ADDED_PLATFORM_THREADS = 16;

  @Test
  void aThousandCommandsPrintingALineASecondAddAtMostSixteenPlatformThreads() throws Exception {
    assumeTrue("native".equals(System.getProperty("cuprum.test.launcher")));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // Compiled for Java 17: the JDK 21 factory is found at run time.
    ExecutorService virtualThreads =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
          .taskExecutor(virtualThreads).build();
      executor.run(sh("true"));
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();
      List<CompletableFuture<CommandResult>> runs = new ArrayList<>(COMMANDS);
      for (int i = 0; i < COMMANDS; i++) {
        runs.add(executor.runAsync(sh("for n in 1 2 3; do echo \"$1 line $n\"; sleep 1; done", i), RunOptions.defaults()));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      int added = threads.getPeakThreadCount() - before;

      for (int i = 0; i < COMMANDS; i++) {
        CommandResult result = runs.get(i).join();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(i + " line 1\n" + i + " line 2\n" + i + " line 3\n");
      }
      assertThat(added).as("platform threads added while %d commands ran", COMMANDS)
          .isLessThanOrEqualTo(MAX_ADDED_PLATFORM_THREADS);
    } finally {
      virtualThreads.shutdown();
    }
  }
}
