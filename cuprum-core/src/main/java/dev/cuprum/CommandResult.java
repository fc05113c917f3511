package dev.cuprum;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a finished command did. A non-zero exit is a result, never an exception.
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
    @Nullable String stderr, Duration duration, boolean truncated, Termination termination) {

  private static final int PREVIEW_CHARS = 80;

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

  @Override
  public String toString() {
    return "CommandResult[program=" + program + ", argv=" + argv + ", exitCode=" + exitCode + ", pid=" + pid
        + ", stdout=" + preview(stdout) + ", stderr=" + preview(stderr) + ", duration=" + duration
        + ", truncated=" + truncated + ", termination=" + termination + "]";
  }

  private static @Nullable String preview(@Nullable String text) {
    if (text == null || text.length() <= PREVIEW_CHARS) {
      return text;
    }
    return text.substring(0, PREVIEW_CHARS) + "... (" + text.length() + " chars)";
  }
}
