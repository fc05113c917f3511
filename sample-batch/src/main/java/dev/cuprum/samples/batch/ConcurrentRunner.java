package dev.cuprum.samples.batch;

import dev.cuprum.CommandExecutor;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The same commands as the job, through {@code runConcurrent} in this JVM and without Spring Batch:
 * nothing is recorded, nothing can restart, and it is the yardstick the job's throughput is
 * measured against.
 */
@Component
@Profile("concurrent")
class ConcurrentRunner implements ApplicationRunner, ExitCodeGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentRunner.class);

  private final CommandExecutor executor;
  private final Compression compression;
  private final int concurrency;
  private volatile int exitCode = 1;

  ConcurrentRunner(CommandExecutor executor, Compression compression,
      @Value("${sample.batch.concurrency:8}") int concurrency) {
    this.executor = executor;
    this.compression = compression;
    this.concurrency = concurrency;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<SafeCmd> commands = compression.items().stream().map(compression::command).toList();
    long started = System.nanoTime();
    ConcurrentResult result = executor.runConcurrent(commands, ConcurrentConfig.builder().concurrency(concurrency).build());
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info("runConcurrent: {} commands at concurrency {} in {} s ({} commands/s), {} failed", commands.size(),
        concurrency, String.format(Locale.ROOT, "%.2f", seconds), String.format(Locale.ROOT, "%.0f", commands.size() / seconds),
        result.failures().size());
    exitCode = result.failures().isEmpty() ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
