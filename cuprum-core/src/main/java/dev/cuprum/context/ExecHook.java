package dev.cuprum.context;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.events.ExecEvent;

/**
 * Receives the structured events of every execution in its scope.
 *
 * <p>Events of one execution arrive one at a time and in order, but output lines arrive on
 * Cuprum's reader threads, and hooks shared by concurrent executions are called concurrently:
 * implementations must be thread-safe and quick. A hook that throws fails the command: the
 * process is ended, the remaining hooks still get the event, and the run throws the exception.
 */
@FunctionalInterface
public interface ExecHook {

  void onEvent(ExecEvent event);

  /**
   * Whether this hook wants {@code STDOUT} and {@code STDERR} line events. When no hook of a run
   * wants them, output is never decoded into lines, which is most of the cost of events; a hook
   * that only looks at starts and exits should return false.
   */
  default boolean wantsOutput() {
    return true;
  }

  /**
   * Told when the allowlist refuses a command in this hook's scope: nothing was started, so
   * {@link #onEvent} receives no event for it. Does nothing unless implemented; an exception it
   * throws is logged and does not replace the refusal.
   *
   * @param cmd the refused command ({@link SafeCmd#toString()} masks its secrets)
   * @param refusal what the caller receives; {@link ForbiddenProgramException#reason()} says which
   *     allowlist refused it
   */
  default void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {}
}
