package dev.cuprum.events;

/** The phases of one execution, in the order they occur. */
public enum ExecPhase {
  /** About to run: the allowlist passed; before hooks have not run yet. No pid. */
  PLAN,
  /** The process was spawned. */
  START,
  /** One line of stdout (captured or echoed runs only). */
  STDOUT,
  /** One line of stderr (captured or echoed runs only). */
  STDERR,
  /** The whole stdin payload was written; {@link ExecEvent#byteCount()} says how much. */
  STDIN,
  /** Writing or closing stdin failed, typically because the process stopped reading. */
  STDIN_ERROR,
  /** The process ended; exactly one per started process. */
  EXIT
}
