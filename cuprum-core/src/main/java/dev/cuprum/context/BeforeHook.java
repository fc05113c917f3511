package dev.cuprum.context;

import dev.cuprum.SafeCmd;

/**
 * Runs before a command is spawned, after the allowlist check. Throwing stops the run: nothing
 * is spawned and the exception reaches the caller.
 */
@FunctionalInterface
public interface BeforeHook {

  void before(SafeCmd cmd);
}
