package dev.cuprum.concurrent;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;

/**
 * Told about the progress of a batch. Called from the worker threads as each command starts and
 * ends (once per attempt when retrying), so implementations must be thread-safe. An exception
 * thrown here is logged and otherwise ignored.
 */
public interface BatchListener {

  /** The command at {@code submissionIndex} is about to run. */
  default void started(int submissionIndex, SafeCmd cmd) {}

  /** The command at {@code submissionIndex} exited (with any status). */
  default void finished(int submissionIndex, CommandResult result) {}

  /** The command at {@code submissionIndex} ended with an exception (timeout, start failure...). */
  default void failed(int submissionIndex, Throwable error) {}
}
