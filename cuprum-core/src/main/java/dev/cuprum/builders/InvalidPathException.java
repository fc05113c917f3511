package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.internal.util.QuotedValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A string {@link SafePath} refuses; thrown while a path or a builder's command is made. The
 * message starts with {@link PathRejection#message() the rejection's message} and goes on with the
 * builder argument, when a builder was given the value, and the value itself, quoted with its
 * control characters escaped and cut after {@value QuotedValue#MAX_SHOWN} characters: {@code
 * SafePath cannot contain '..' segments: archive = '../etc/passwd'}.
 */
public class InvalidPathException extends InvalidArgumentException {

  private static final long serialVersionUID = 2L;

  private final PathRejection rejection;
  private final String value;
  private final @Nullable String argument;

  /**
   * An exception for {@code value}, refused for {@code rejection}.
   *
   * @param argument the builder argument that was given the value ({@code archive},
   *     {@code sources[2]}), or null when the value was given to {@link SafePath} directly
   */
  public InvalidPathException(PathRejection rejection, String value, @Nullable String argument) {
    super(rejection.message() + ": " + (argument == null ? "" : argument + " = ")
        + QuotedValue.of(Objects.requireNonNull(value, "value")));
    this.rejection = rejection;
    this.value = value;
    this.argument = argument;
  }

  /** The first check the path failed. */
  public PathRejection rejection() {
    return rejection;
  }

  /** The refused value, as it was given. */
  public String value() {
    return value;
  }

  /** The builder argument that was given the value, or null when it was given to {@link SafePath}. */
  public @Nullable String argument() {
    return argument;
  }
}
