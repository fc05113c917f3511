package dev.cuprum;

import java.io.Serializable;
import java.util.Objects;

/**
 * An executable Cuprum may run: a bare name looked up on the JVM's {@code PATH}, or an absolute
 * path. Names are compared exactly; no case or path normalisation is applied.
 *
 * <p>A relative path such as {@code ./tool} or {@code bin/tool} is refused, because which file
 * it names would depend on the working directory of each run.
 *
 * @param name the program name or absolute path
 */
public record Program(String name) implements Comparable<Program>, Serializable {

  public Program {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new InvalidArgumentException("Program name cannot be blank");
    }
    if (name.indexOf('\0') >= 0) {
      throw new InvalidArgumentException("Program name cannot contain NUL characters");
    }
    if (!name.startsWith("/") && name.indexOf('/') >= 0) {
      throw new InvalidArgumentException(
          "Program '" + name + "' is a relative path; use a name looked up on PATH or an absolute path");
    }
  }

  public static Program of(String name) {
    return new Program(name);
  }

  /** Whether the program is given as an absolute path rather than looked up on {@code PATH}. */
  public boolean isAbsolutePath() {
    return name.startsWith("/");
  }

  @Override
  public int compareTo(Program other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
