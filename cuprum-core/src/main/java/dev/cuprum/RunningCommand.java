package dev.cuprum;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A process an executor has started and not yet seen exit.
 *
 * @param program the program
 * @param argv the argv with program, secrets masked
 * @param pid the process id, or -1
 * @param startedAt when the process was spawned
 */
public record RunningCommand(Program program, List<String> argv, long pid, Instant startedAt) {

  public RunningCommand {
    argv = List.copyOf(argv);
  }

  /** How long the process has been running. */
  public Duration elapsed() {
    return Duration.between(startedAt, Instant.now());
  }
}
