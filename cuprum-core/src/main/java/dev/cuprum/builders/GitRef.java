package dev.cuprum.builders;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A branch, tag, commit or other ref name that is safe to hand to git: it cannot start with
 * {@code -}, uses only ASCII letters, digits, {@code .}, {@code _}, {@code /} and {@code -}, and
 * obeys git's ref-name rules, so every ref accepted here is accepted by
 * {@code git check-ref-format --allow-onelevel}. Revision expressions such as {@code HEAD~1},
 * {@code HEAD^} or {@code main@{1}} are refused.
 *
 * <p>The checks run in the order of {@link GitRefRejection} and the first that fails is thrown as
 * {@link InvalidGitRefException}. An accepted value is kept unchanged.
 *
 * @param value the ref; the canonical constructor validates it like {@link #of(String)}
 */
public record GitRef(String value) {

  private static final String LOCK = ".lock";

  public GitRef {
    Objects.requireNonNull(value, "value");
    GitRefRejection rejection = classify(value);
    if (rejection != null) {
      throw new InvalidGitRefException(rejection, value, null);
    }
  }

  /**
   * A validated ref.
   *
   * @throws InvalidGitRefException when {@link #classify(String)} reports a rejection, with that
   *     rejection's message
   */
  public static GitRef of(String ref) {
    return new GitRef(Objects.requireNonNull(ref, "ref"));
  }

  /**
   * The first check {@code raw} fails, or null when {@link #of(String)} would accept it. Never
   * throws for any string: use it to test input without catching exceptions.
   */
  public static @Nullable GitRefRejection classify(String raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.isEmpty()) {
      return GitRefRejection.EMPTY;
    }
    if (raw.startsWith("-")) {
      return GitRefRejection.LEADING_DASH;
    }
    if (raw.codePoints().anyMatch(GitRef::isWhitespace)) {
      return GitRefRejection.WHITESPACE;
    }
    if (raw.startsWith("/") || raw.endsWith("/")) {
      return GitRefRejection.SLASH_BOUNDARY;
    }
    if (raw.endsWith(LOCK)) {
      return GitRefRejection.LOCK_SUFFIX;
    }
    if (raw.endsWith(".")) {
      return GitRefRejection.DOT_SUFFIX;
    }
    if (raw.contains("..")) {
      return GitRefRejection.PARENT_SEQUENCE;
    }
    if (raw.contains("//")) {
      return GitRefRejection.DOUBLE_SLASH;
    }
    if (raw.contains("@{")) {
      return GitRefRejection.AT_BRACE;
    }
    if (!raw.chars().allMatch(GitRef::isSupported)) {
      return GitRefRejection.UNSUPPORTED_CHARS;
    }
    return classifyComponents(raw);
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@link #of(String)} for a builder, whose exception names {@code argument}. */
  static GitRef of(String ref, String argument) {
    Objects.requireNonNull(ref, argument);
    GitRefRejection rejection = classify(ref);
    if (rejection != null) {
      throw new InvalidGitRefException(rejection, ref, argument);
    }
    return new GitRef(ref);
  }

  private static @Nullable GitRefRejection classifyComponents(String ref) {
    String[] components = ref.split("/");
    for (String component : components) {
      if (component.startsWith(".")) {
        return GitRefRejection.COMPONENT_LEADING_DOT;
      }
    }
    for (String component : components) {
      if (component.endsWith(LOCK)) {
        return GitRefRejection.COMPONENT_LOCK_SUFFIX;
      }
    }
    return null;
  }

  /** Python's {@code str.isspace}, which the Python library's check uses. */
  private static boolean isWhitespace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
  }

  private static boolean isSupported(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '/' || c == '-';
  }
}
