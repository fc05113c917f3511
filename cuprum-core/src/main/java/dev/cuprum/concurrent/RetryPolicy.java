package dev.cuprum.concurrent;

import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When and how often a batch re-runs a command. Each attempt is a full run: hooks, events and
 * listeners see it like any other.
 *
 * @param maxAttempts the most runs of one command, counting the first
 * @param initialBackoff the pause before the second attempt
 * @param multiplier how much each later pause grows
 * @param maxBackoff the longest pause
 * @param retryIf which results to retry
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
    Predicate<CommandResult> retryIf) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new InvalidArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new InvalidArgumentException("backoffs must not be negative, got " + initialBackoff + " and " + maxBackoff);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new InvalidArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
    }
    Objects.requireNonNull(retryIf, "retryIf");
  }

  /**
   * Up to {@code maxAttempts} runs of a command that exits non-zero, pausing 100 ms, then twice as
   * long each time, at most 10 s.
   */
  public static RetryPolicy onFailure(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), result -> !result.ok());
  }

  /**
   * The pause after the given attempt failed: {@code initialBackoff * multiplier^(attempt-1)},
   * at most {@code maxBackoff}.
   *
   * @param attempt the attempt that just ended, counting from 1
   */
  public Duration backoffAfter(int attempt) {
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
  }
}
