package dev.cuprum.concurrent;

import dev.cuprum.ExecutionContext;
import dev.cuprum.InvalidArgumentException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a batch runs.
 *
 * @param concurrency the most commands running at once; null for as many as the executor's task
 *     executor runs at once, 1 for one after another
 * @param capture keep each command's stdout and stderr in its result
 * @param echo copy each command's output to the context's sinks
 * @param context how every command executes; null for the executor's default context
 * @param failFast stop at the first non-zero exit or error: end the running commands, never
 *     start the queued ones
 * @param timeout the whole batch's time limit; null for none (per-command timeouts come from the
 *     context and the scope)
 * @param retry how to re-run commands whose result asks for it; null for no retries
 * @param listener told as each command starts, finishes or fails; null for none
 */
public record ConcurrentConfig(
    @Nullable Integer concurrency,
    boolean capture,
    boolean echo,
    @Nullable ExecutionContext context,
    boolean failFast,
    @Nullable Duration timeout,
    @Nullable RetryPolicy retry,
    @Nullable BatchListener listener) {

  private static final ConcurrentConfig DEFAULTS = builder().build();

  public ConcurrentConfig {
    if (concurrency != null && concurrency < 1) {
      throw new InvalidArgumentException("concurrency must be >= 1, got " + concurrency);
    }
  }

  /** Unbounded by the batch, capture on, echo off, collect every result, no timeout or retry. */
  public static ConcurrentConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConcurrentConfig}, starting from {@link #defaults()}. */
  public static final class Builder {

    private @Nullable Integer concurrency;
    private boolean capture = true;
    private boolean echo;
    private @Nullable ExecutionContext context;
    private boolean failFast;
    private @Nullable Duration timeout;
    private @Nullable RetryPolicy retry;
    private @Nullable BatchListener listener;

    private Builder() {}

    public Builder concurrency(@Nullable Integer concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder capture(boolean capture) {
      this.capture = capture;
      return this;
    }

    public Builder echo(boolean echo) {
      this.echo = echo;
      return this;
    }

    public Builder context(@Nullable ExecutionContext context) {
      this.context = context;
      return this;
    }

    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder retry(@Nullable RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    public Builder listener(@Nullable BatchListener listener) {
      this.listener = listener;
      return this;
    }

    public ConcurrentConfig build() {
      return new ConcurrentConfig(concurrency, capture, echo, context, failFast, timeout, retry, listener);
    }
  }
}
