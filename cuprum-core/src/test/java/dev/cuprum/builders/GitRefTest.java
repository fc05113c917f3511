package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitRefTest {

  @ParameterizedTest
  @ValueSource(strings = {"main", "feature/one", "v1.2.3", "refs/heads/main", "deadbeef", "HEAD", "a_b",
      "a/-b", "x.locks", "a.lo/ck", "release-2.0_rc1", "A/B/C"})
  void acceptedRefsAreKeptUnchanged(String ref) {
    assertThat(GitRef.classify(ref)).isNull();
    assertThat(GitRef.of(ref).value()).isEqualTo(ref);
    assertThat(GitRef.of(ref)).hasToString(ref);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|EMPTY",
      "' bad'|WHITESPACE",
      "'bad ref'|WHITESPACE",
      "'a\tb'|WHITESPACE",
      "-branch|LEADING_DASH",
      "bad@{|AT_BRACE",
      "a@{1}|AT_BRACE",
      "bad..ref|PARENT_SEQUENCE",
      "bad//ref|DOUBLE_SLASH",
      "bad.lock|LOCK_SUFFIX",
      "x/.lock|LOCK_SUFFIX",
      "bad/|SLASH_BOUNDARY",
      "/bad|SLASH_BOUNDARY",
      "bad.|DOT_SUFFIX",
      "HEAD~1|UNSUPPORTED_CHARS",
      "HEAD^|UNSUPPORTED_CHARS",
      "@|UNSUPPORTED_CHARS",
      "a@b|UNSUPPORTED_CHARS",
      "a:b|UNSUPPORTED_CHARS",
      "a*b|UNSUPPORTED_CHARS",
      "a?b|UNSUPPORTED_CHARS",
      "a[b|UNSUPPORTED_CHARS",
      "'a\\b'|UNSUPPORTED_CHARS",
      "é|UNSUPPORTED_CHARS",
      "'a\0b'|UNSUPPORTED_CHARS",
      "-a b|LEADING_DASH",
      "/a.|SLASH_BOUNDARY",
      "a..lock|LOCK_SUFFIX"})
  void rejectedRefsReportTheFirstFailingCheck(String ref, GitRefRejection rejection) {
    assertRejected(ref, rejection);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\u000Bb", "a\fb", "a\rb", "a\u001Cb", "a\u001Fb", "a\u0085b", "a\u00A0b",
      "a\u1680b", "a\u2000b", "a\u2007b", "a\u200Ab", "a\u2028b", "a\u2029b", "a\u202Fb", "a\u205Fb", "a\u3000b"})
  void whitespaceIsWhatPythonCallsWhitespace(String ref) {
    assertRejected(ref, GitRefRejection.WHITESPACE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u200Bb", "a\u001Bb", "a\u0000b"})
  void invisibleCharactersThatAreNotWhitespaceAreStillUnsupported(String ref) {
    assertRejected(ref, GitRefRejection.UNSUPPORTED_CHARS);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ".hidden|COMPONENT_LEADING_DOT",
      "a/.b|COMPONENT_LEADING_DOT",
      "a/.b.lock/c|COMPONENT_LEADING_DOT",
      "a.lock/b|COMPONENT_LOCK_SUFFIX",
      "x/y.lock/z|COMPONENT_LOCK_SUFFIX"})
  void componentsThatGitRefusesAreRejectedToo(String ref, GitRefRejection rejection) {
    assertRejected(ref, rejection);
  }

  @Test
  void theDeviationMessagesReadLikeTheOthers() {
    assertThat(GitRefRejection.COMPONENT_LEADING_DOT.message()).isEqualTo("GitRef components cannot start with '.'");
    assertThat(GitRefRejection.COMPONENT_LOCK_SUFFIX.message()).isEqualTo("GitRef components cannot end with '.lock'");
  }

  @Test
  void messagesAreThoseOfThePythonLibrary() {
    assertThat(GitRefRejection.values()).extracting(GitRefRejection::message).startsWith(
        "GitRef cannot be empty",
        "GitRef cannot start with '-'",
        "GitRef cannot contain whitespace",
        "GitRef cannot start or end with '/'",
        "GitRef cannot end with '.lock'",
        "GitRef cannot end with '.'",
        "GitRef cannot contain '..'",
        "GitRef cannot contain '//' sequences",
        "GitRef cannot contain '@{' sequences",
        "GitRef contains unsupported characters");
  }

  @Test
  void theCanonicalConstructorValidates() {
    assertThat(new GitRef("main")).isEqualTo(GitRef.of("main"));
    assertThatThrownBy(() -> new GitRef("HEAD~1")).isInstanceOf(InvalidGitRefException.class);
  }

  @Test
  void rejectionsAreArgumentErrorsAndNullsNameTheParameter() {
    assertThatThrownBy(() -> GitRef.of("bad ref")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> GitRef.of(null)).isInstanceOf(NullPointerException.class).hasMessage("ref");
    assertThatThrownBy(() -> GitRef.classify(null)).isInstanceOf(NullPointerException.class).hasMessage("raw");
  }

  private static void assertRejected(String ref, GitRefRejection rejection) {
    assertThat(GitRef.classify(ref)).isEqualTo(rejection);
    assertThatThrownBy(() -> GitRef.of(ref))
        .isInstanceOfSatisfying(InvalidGitRefException.class, e -> assertThat(e.rejection()).isEqualTo(rejection))
        .hasMessageStartingWith(rejection.message() + ": '")
        .satisfies(e -> assertThat(((InvalidGitRefException) e).value()).isEqualTo(ref))
        .satisfies(e -> assertThat(((InvalidGitRefException) e).argument()).isNull());
  }
}
