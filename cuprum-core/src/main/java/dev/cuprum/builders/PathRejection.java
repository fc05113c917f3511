package dev.cuprum.builders;

/**
 * Why {@link SafePath} refused a string. The checks run in declaration order and the first that
 * fails is reported.
 */
public enum PathRejection {

  /** The string is empty. */
  EMPTY("SafePath cannot be empty"),
  /** The string contains a NUL character, which no operating system passes on. */
  NUL("SafePath cannot contain NUL characters"),
  /** A {@code /}-separated component is exactly {@code ..}. */
  PARENT_SEGMENT("SafePath cannot contain '..' segments"),
  /** Relative paths were not allowed and the path is not absolute. */
  NOT_ABSOLUTE("SafePath requires an absolute path by default"),
  /** The normalised relative path starts with {@code -}, so a program would read it as an option. */
  LEADING_DASH("SafePath cannot start with '-'");

  private final String message;

  PathRejection(String message) {
    this.message = message;
  }

  /** The message of the {@link InvalidPathException} thrown for this rejection. */
  public String message() {
    return message;
  }
}
