package dev.cuprum;

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
 */
public record RunOptions(
    boolean capture, boolean echo, @Nullable Duration timeout, @Nullable ExecutionContext context,
    @Nullable StdinInput stdin) {

  private static final RunOptions DEFAULTS = new RunOptions(true, false, null, null, null);

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

    public RunOptions build() {
      return new RunOptions(capture, echo, timeout, context, stdin);
    }
  }
}
