package dev.cuprum.logging;

import java.util.Objects;
import org.slf4j.event.Level;

/**
 * The level of each kind of record of a {@link StructuredLoggingHook}. STDIN and STDIN_ERROR
 * events log at DEBUG.
 *
 * @param plan the level of PLAN records
 * @param start the level of START records
 * @param output the level of STDOUT and STDERR records
 * @param exit the level of EXIT records
 */
public record LogLevels(Level plan, Level start, Level output, Level exit) {

  private static final LogLevels DEFAULTS = new LogLevels(Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO);

  public LogLevels {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(exit, "exit");
  }

  /** PLAN at DEBUG, START at INFO, output at DEBUG, EXIT at INFO. */
  public static LogLevels defaults() {
    return DEFAULTS;
  }
}
