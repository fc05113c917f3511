package dev.cuprum.builders;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Input generators shared by the validator and builder properties. */
final class Fuzz {

  /**
   * Characters that reach every branch of both validators: separators, dots, dashes, whitespace,
   * NUL, drive colons, reflog syntax and non-ASCII letters.
   */
  static final String ALPHABET = "ab/.\\-_ \t\0:@{}é☃";

  /** What Python's {@code str.isspace} calls whitespace, a sample of every kind. */
  static final String WHITESPACE = "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u2007\u200A"
      + "\u2028\u2029\u202F\u205F\u3000";

  private Fuzz() {}

  /** Short strings over {@link #ALPHABET}, the empty string included. */
  static Arbitrary<String> alphabetStrings() {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(16);
  }

  /** Strings over {@link #ALPHABET} without NUL. */
  static Arbitrary<String> nulFreeStrings() {
    return Arbitraries.strings().withChars(ALPHABET.replace("\0", "")).ofMaxLength(16);
  }

  /**
   * {@link #alphabetStrings()}, short ones behind a start the validators treat specially (roots,
   * drives, remote locations, dots, a dash), and arbitrary Unicode strings.
   */
  static Arbitrary<String> anyStrings() {
    Arbitrary<String> prefixed = Arbitraries.of("/", "//", "///", "a:/", "B:\\", "./", ".", "-", "a/.", "h:",
        "u@h:", "h::", "rsync://", "[::1]:", "./h:", ":", "a/b:")
        .flatMap(start -> Arbitraries.strings().withChars(ALPHABET).ofMaxLength(4).map(start::concat));
    return Arbitraries.oneOf(alphabetStrings(), prefixed, Arbitraries.strings().ofMaxLength(32));
  }

  /**
   * Absolute paths {@link SafePath} accepts. None starts with {@code //}, which Java's {@code Path}
   * would collapse.
   */
  static Arbitrary<String> absolutePaths() {
    return Arbitraries.strings().withChars("ab.-_ é/").ofMaxLength(12)
        .map(tail -> "/" + tail)
        .filter(path -> !path.startsWith("//") && SafePath.classify(path, false) == null);
  }
}
