package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.internal.util.QuotedValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A string {@link GitRef} refuses; thrown while a ref or a git command is made. The message starts
 * with {@link GitRefRejection#message() the rejection's message} and goes on with the builder
 * argument, when a builder was given the value, and the value itself, quoted with its control
 * characters escaped and cut after {@value QuotedValue#MAX_SHOWN} characters: {@code GitRef cannot
 * start with '-': ref = '--output=/tmp/x'}.
 */
public class InvalidGitRefException extends InvalidArgumentException {

  private static final long serialVersionUID = 2L;

  private final GitRefRejection rejection;
  private final String value;
  private final @Nullable String argument;

  /**
   * An exception for {@code value}, refused for {@code rejection}.
   *
   * @param argument the builder argument that was given the value ({@code ref}), or null when the
   *     value was given to {@link GitRef} directly
   */
  public InvalidGitRefException(GitRefRejection rejection, String value, @Nullable String argument) {
    super(rejection.message() + ": " + (argument == null ? "" : argument + " = ")
        + QuotedValue.of(Objects.requireNonNull(value, "value")));
    this.rejection = rejection;
    this.value = value;
    this.argument = argument;
  }

  /** The first check the ref failed. */
  public GitRefRejection rejection() {
    return rejection;
  }

  /** The refused value, as it was given. */
  public String value() {
    return value;
  }

  /** The builder argument that was given the value, or null when it was given to {@link GitRef}. */
  public @Nullable String argument() {
    return argument;
  }
}
