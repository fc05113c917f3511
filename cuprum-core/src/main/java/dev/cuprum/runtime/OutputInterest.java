package dev.cuprum.runtime;

/**
 * Implemented by observe hooks that may not need STDOUT and STDERR events. When no hook of a run
 * wants them, output is never decoded into lines, which is most of the cost of events.
 */
public interface OutputInterest {

  /** Whether the hook wants output line events. */
  boolean wantsOutput();
}
