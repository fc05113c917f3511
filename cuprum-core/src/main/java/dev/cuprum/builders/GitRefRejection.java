package dev.cuprum.builders;

/**
 * Why {@link GitRef} refused a string. The checks run in declaration order and the first that
 * fails is reported.
 *
 * <p>The last two checks go beyond the Python library, which accepts refs such as
 * {@code .hidden} or {@code a.lock/b} that {@code git check-ref-format} refuses; with them, every
 * ref {@link GitRef} accepts is one git accepts.
 */
public enum GitRefRejection {

  /** The string is empty. */
  EMPTY("GitRef cannot be empty"),
  /** The string starts with {@code -}, so git would read it as an option. */
  LEADING_DASH("GitRef cannot start with '-'"),
  /**
   * The string contains whitespace, as Python's {@code str.isspace} defines it: U+0009 to U+000D,
   * U+001C to U+001F, U+0085 and every Unicode space separator, line or paragraph separator.
   */
  WHITESPACE("GitRef cannot contain whitespace"),
  /** The string starts or ends with {@code /}. */
  SLASH_BOUNDARY("GitRef cannot start or end with '/'"),
  /** The string ends with {@code .lock}. */
  LOCK_SUFFIX("GitRef cannot end with '.lock'"),
  /** The string ends with {@code .}. */
  DOT_SUFFIX("GitRef cannot end with '.'"),
  /** The string contains {@code ..}. */
  PARENT_SEQUENCE("GitRef cannot contain '..'"),
  /** The string contains {@code //}. */
  DOUBLE_SLASH("GitRef cannot contain '//' sequences"),
  /** The string contains <code>@{</code>, git's reflog syntax. */
  AT_BRACE("GitRef cannot contain '@{' sequences"),
  /** A character is not an ASCII letter or digit, {@code .}, {@code _}, {@code /} or {@code -}. */
  UNSUPPORTED_CHARS("GitRef contains unsupported characters"),
  /** A {@code /}-separated component starts with {@code .}, such as {@code .hidden} or {@code a/.b}. */
  COMPONENT_LEADING_DOT("GitRef components cannot start with '.'"),
  /** A {@code /}-separated component ends with {@code .lock}, such as {@code a.lock/b}. */
  COMPONENT_LOCK_SUFFIX("GitRef components cannot end with '.lock'");

  private final String message;

  GitRefRejection(String message) {
    this.message = message;
  }

  /** The message of the {@link InvalidGitRefException} thrown for this rejection. */
  public String message() {
    return message;
  }
}
