package dev.cuprum.spring.autoconfigure;

import dev.cuprum.CommandExecutor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stops the command executor with the application context: new runs are refused, running ones
 * get {@code cuprum.shutdown.await-termination} to finish, then every process tree still running
 * is ended.
 *
 * <p>Its phase puts it after the web server: Boot's graceful shutdown (phase
 * {@code DEFAULT_PHASE - 1024}) lets in-flight requests finish, their commands included, and the
 * server stops (phase {@code DEFAULT_PHASE - 2048}) before this runs. The task executors, whose
 * phase is {@code Integer.MAX_VALUE / 2}, stop after it, so batches keep their workers to the end.
 */
final class CommandExecutorLifecycle implements SmartLifecycle {

  /** After the web server's phases, before the task executors'. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.shutdown");

  private final CommandExecutor executor;
  private final Duration awaitTermination;
  private volatile boolean running;

  CommandExecutorLifecycle(CommandExecutor executor, Duration awaitTermination) {
    this.executor = executor;
    this.awaitTermination = awaitTermination;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    int commands = executor.runningCommands().size();
    if (commands > 0) {
      LOG.info("Stopping the command executor: {} commands running, waiting up to {} for them", commands,
          awaitTermination);
    }
    boolean finished = executor.shutdown(awaitTermination);
    if (!finished) {
      LOG.warn("The command executor stopped after ending the work still running (see cuprum.shutdown_ended)");
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
