package dev.cuprum;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Per-call settings of a run.
 *
 * @param capture keep stdout and stderr in the result (otherwise they are null)
 * @param echo copy stdout and stderr to the context's sinks while the process runs
 * @param timeout this call's timeout; wins over every other (see {@link CommandExecutor})
 * @param context how the process executes; null for the executor's default context
 * @param stdin what the process reads; null for an empty stdin
 * @param stdoutFile where the process writes its stdout itself (an operating system redirect: no
 *     byte enters the JVM, so the result's stdout is null and no STDOUT event is sent); null for
 *     a pipe to the JVM. For a pipeline, the last stage's stdout
 * @param stderrFile the same for stderr; not for pipelines
 * @param append add to the files rather than replace them
 * @param mergeStderr stderr goes where stdout goes, at the operating system level: into the
 *     stdout pipe, in the true order of the writes, or into {@code stdoutFile}. The result's
 *     stderr is then null. Not for pipelines, and not with a {@code stderrFile}
 */
public record RunOptions(
    boolean capture, boolean echo, @Nullable Duration timeout, @Nullable ExecutionContext context,
    @Nullable StdinInput stdin, @Nullable Path stdoutFile, @Nullable Path stderrFile, boolean append,
    boolean mergeStderr) {

  private static final RunOptions DEFAULTS = new RunOptions(true, false, null, null, null);

  /**
   * @throws InvalidArgumentException when {@code mergeStderr} and {@code stderrFile} are both set
   */
  public RunOptions {
    if (mergeStderr && stderrFile != null) {
      throw new InvalidArgumentException("mergeStderr sends stderr where stdout goes; it cannot also go to "
          + "stderrFile " + stderrFile);
    }
  }

  /** Options without redirects: both outputs come to the JVM as pipes. */
  public RunOptions(
      boolean capture, boolean echo, @Nullable Duration timeout, @Nullable ExecutionContext context,
      @Nullable StdinInput stdin) {
    this(capture, echo, timeout, context, stdin, null, null, false, false);
  }

  /** Capture on, echo off, no timeout, the executor's default context, empty stdin. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RunOptions}, starting from {@link #defaults()}. */
  public static final class Builder {

    private boolean capture = true;
    private boolean echo;
    private @Nullable Duration timeout;
    private @Nullable ExecutionContext context;
    private @Nullable StdinInput stdin;
    private @Nullable Path stdoutFile;
    private @Nullable Path stderrFile;
    private boolean append;
    private boolean mergeStderr;

    private Builder() {}

    public Builder capture(boolean capture) {
      this.capture = capture;
      return this;
    }

    public Builder echo(boolean echo) {
      this.echo = echo;
      return this;
    }

    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder context(@Nullable ExecutionContext context) {
      this.context = context;
      return this;
    }

    public Builder stdin(@Nullable StdinInput stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder stdoutFile(@Nullable Path stdoutFile) {
      this.stdoutFile = stdoutFile;
      return this;
    }

    public Builder stderrFile(@Nullable Path stderrFile) {
      this.stderrFile = stderrFile;
      return this;
    }

    public Builder append(boolean append) {
      this.append = append;
      return this;
    }

    public Builder mergeStderr(boolean mergeStderr) {
      this.mergeStderr = mergeStderr;
      return this;
    }

    /** @throws InvalidArgumentException when {@code mergeStderr} and {@code stderrFile} are both set */
    public RunOptions build() {
      return new RunOptions(capture, echo, timeout, context, stdin, stdoutFile, stderrFile, append, mergeStderr);
    }
  }
}
