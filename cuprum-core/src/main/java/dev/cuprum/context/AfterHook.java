package dev.cuprum.context;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;

/**
 * Runs after a command exits on its own, with the result the caller will get. It does not run
 * for timed-out or cancelled runs, nor when the process could not be started.
 */
@FunctionalInterface
public interface AfterHook {

  void after(SafeCmd cmd, CommandResult result);
}
