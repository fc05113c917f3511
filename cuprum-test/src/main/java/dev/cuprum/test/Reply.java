package dev.cuprum.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a fake process does: prints its stdout and stderr, then exits with a code, at once or after
 * a delay; or fails to start, as a missing program would. Immutable: each method returns a copy.
 *
 * <p>The delay plays the process's running time, so the run's timeout and cancellation apply to
 * it as to a real process: a timeout shorter than the delay ends the run with
 * {@code TimeoutExpiredException}, and the fake process is ended as a real one would be (exit
 * code 143, as for SIGTERM).
 */
public final class Reply {

  private final int exitCode;
  private final String stdout;
  private final String stderr;
  private final Duration delay;
  private final @Nullable RuntimeException failure;

  private Reply(int exitCode, String stdout, String stderr, Duration delay, @Nullable RuntimeException failure) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
    this.delay = delay;
    this.failure = failure;
  }

  /** A process that exits at once with {@code code}, printing nothing. */
  public static Reply exit(int code) {
    return new Reply(code, "", "", Duration.ZERO, null);
  }

  /** A start that fails with {@code failure}: the run throws it, and no process existed. */
  public static Reply fail(RuntimeException failure) {
    return new Reply(0, "", "", Duration.ZERO, Objects.requireNonNull(failure, "failure"));
  }

  /** This reply, printing {@code text} (UTF-8) on stdout. */
  public Reply stdout(String text) {
    return new Reply(exitCode, Objects.requireNonNull(text, "text"), stderr, delay, failure);
  }

  /** This reply, printing {@code text} (UTF-8) on stderr. */
  public Reply stderr(String text) {
    return new Reply(exitCode, stdout, Objects.requireNonNull(text, "text"), delay, failure);
  }

  /**
   * This reply, exiting only after {@code delay}.
   *
   * @throws IllegalArgumentException when the delay is negative
   */
  public Reply after(Duration delay) {
    if (Objects.requireNonNull(delay, "delay").isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    return new Reply(exitCode, stdout, stderr, delay, failure);
  }

  int exitCode() {
    return exitCode;
  }

  byte[] stdoutBytes() {
    return stdout.getBytes(StandardCharsets.UTF_8);
  }

  byte[] stderrBytes() {
    return stderr.getBytes(StandardCharsets.UTF_8);
  }

  Duration delay() {
    return delay;
  }

  @Nullable RuntimeException failure() {
    return failure;
  }

  @Override
  public String toString() {
    if (failure != null) {
      return "Reply.fail(" + failure + ")";
    }
    return "Reply.exit(" + exitCode + ")" + (stdout.isEmpty() ? "" : ".stdout(" + stdout.length() + " chars)")
        + (stderr.isEmpty() ? "" : ".stderr(" + stderr.length() + " chars)")
        + (delay.isZero() ? "" : ".after(" + delay + ")");
  }
}
