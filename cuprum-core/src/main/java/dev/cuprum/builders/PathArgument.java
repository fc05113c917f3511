package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns a builder's path parameter into a {@link SafePath}. */
final class PathArgument {

  private PathArgument() {}

  /**
   * The parameter as a {@link SafePath} checked against {@code allowRelative}. A {@code SafePath}
   * is checked again, so a relative one is refused where relative paths are not allowed.
   *
   * @param name the parameter's name, for the exceptions' messages
   * @throws InvalidArgumentException when the value is not a {@code String}, {@code Path} or
   *     {@code SafePath}; the message names the value's class
   * @throws InvalidPathException when {@link SafePath} refuses the value
   */
  static SafePath of(@Nullable Object value, String name, boolean allowRelative) {
    Objects.requireNonNull(value, name);
    if (value instanceof String text) {
      return SafePath.of(text, allowRelative, name);
    }
    if (value instanceof Path path) {
      return SafePath.of(path.toString(), allowRelative, name);
    }
    if (value instanceof SafePath safePath) {
      return SafePath.of(safePath.value(), allowRelative, name);
    }
    throw new InvalidArgumentException(
        "SafePath expects String or Path, got " + value.getClass().getSimpleName() + " for " + name);
  }
}
