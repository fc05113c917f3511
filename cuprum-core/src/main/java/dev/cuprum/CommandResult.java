package dev.cuprum;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a finished command did. A non-zero exit is a result, never an exception; call
 * {@link #requireOk()} where only success will do. Serializable, so that it can travel with the
 * exceptions that carry it.
 *
 * @param program the program that ran
 * @param argv its arguments, without the program ({@link #toString()} masks secrets)
 * @param exitCode the exit status; a process ended by signal {@code n} reports {@code 128+n}
 * @param pid the process id, or -1 when the operating system gave none
 * @param stdout the captured stdout, or null when output was not captured
 * @param stderr the captured stderr, or null when output was not captured
 * @param duration from spawn to exit, without the time spent draining output
 * @param truncated whether a stream reached {@link ExecutionContext#maxCaptureBytes()}
 * @param termination why Cuprum ended the process, if it did
 */
public record CommandResult(
    Program program, List<String> argv, int exitCode, long pid, @Nullable String stdout,
    @Nullable String stderr, Duration duration, boolean truncated, Termination termination) implements Serializable {


  public CommandResult {
    Objects.requireNonNull(program, "program");
    argv = Argv.copyOf(Objects.requireNonNull(argv, "argv"));
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(termination, "termination");
  }

  /** Whether the process exited with status 0. */
  public boolean ok() {
    return exitCode == 0;
  }

  /**
   * This result when the process exited with status 0, for chaining:
   * {@code executor.run(cmd).requireOk().stdout()}.
   *
   * @throws NonZeroExitException otherwise, with the exit code, the masked argv and the end of
   *     stderr in its message and this result in {@link NonZeroExitException#result()}
   */
  public CommandResult requireOk() {
    if (!ok()) {
      throw new NonZeroExitException(this);
    }
    return this;
  }

  /** Shows the output's sizes, not its content: output can hold anything, secrets included. */
  @Override
  public String toString() {
    return "CommandResult[program=" + program + ", argv=" + argv + ", exitCode=" + exitCode + ", pid=" + pid
        + ", stdout=" + size(stdout) + ", stderr=" + size(stderr) + ", duration=" + duration
        + ", truncated=" + truncated + ", termination=" + termination + "]";
  }

  private static String size(@Nullable String text) {
    return text == null ? "null" : "(" + text.length() + " chars)";
  }
}
