package dev.cuprum;

import dev.cuprum.internal.util.Seconds;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run that outlived its timeout. By the time this is thrown the process (every stage, for a
 * pipeline) and its descendants have been ended: SIGTERM, the grace period, then SIGKILL.
 */
public class TimeoutExpiredException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final List<?> command;
  private final Duration timeout;
  private final @Nullable String stdout;
  private final @Nullable String stderr;

  /**
   * @param command the masked argv with program, or for a pipeline one such list per stage
   * @param timeout the timeout that elapsed
   * @param stdout the stdout read before the end, or null when output was not captured
   * @param stderr the stderr read before the end (every stage's, in order), or null
   */
  public TimeoutExpiredException(
      List<?> command, Duration timeout, @Nullable String stdout, @Nullable String stderr) {
    super("Command " + command + " timed out after " + Seconds.of(timeout) + " seconds");
    this.command = List.copyOf(command);
    this.timeout = timeout;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The argv with program (secrets masked), or for a pipeline one such list per stage. */
  public List<?> command() {
    return command;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The stdout read before the process was ended, or null when output was not captured. */
  public @Nullable String stdout() {
    return stdout;
  }

  /** The stderr read before the process was ended, or null when output was not captured. */
  public @Nullable String stderr() {
    return stderr;
  }
}
