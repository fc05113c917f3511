package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GitRefPropertyTest {

  @Property
  void theFactoryThrowsExactlyWhenClassifyReportsWithThatMessage(@ForAll("anyStrings") String raw) {
    GitRefRejection rejection = GitRef.classify(raw);
    if (rejection == null) {
      assertThat(GitRef.of(raw).value()).isEqualTo(raw);
    } else {
      assertThatThrownBy(() -> GitRef.of(raw))
          .isInstanceOfSatisfying(InvalidGitRefException.class, e -> assertThat(e.rejection()).isEqualTo(rejection))
          .hasMessageStartingWith(rejection.message() + ": '");
    }
  }

  @Property
  void whitespaceIsReportedUnlessTheRefStartsWithADash(
      @ForAll("alphabetStrings") String before, @ForAll("whitespace") char space, @ForAll("alphabetStrings") String after) {
    String ref = before + space + after;
    GitRefRejection expected = ref.startsWith("-") ? GitRefRejection.LEADING_DASH : GitRefRejection.WHITESPACE;
    assertThat(GitRef.classify(ref)).isEqualTo(expected);
  }

  @Property
  void acceptedRefsFollowGitsRules(@ForAll("refLikeStrings") String raw) {
    if (GitRef.classify(raw) != null) {
      return;
    }
    assertThat(raw).matches("[A-Za-z0-9._/-]+").doesNotStartWith("-").doesNotEndWith(".")
        .doesNotContain("..", "//", "@{");
    for (String component : raw.split("/", -1)) {
      assertThat(component).isNotEmpty().doesNotStartWith(".").doesNotEndWith(".lock");
    }
  }

  @Provide
  Arbitrary<String> anyStrings() {
    return Fuzz.anyStrings();
  }

  @Provide
  Arbitrary<String> alphabetStrings() {
    return Fuzz.alphabetStrings();
  }

  @Provide
  Arbitrary<Character> whitespace() {
    return Arbitraries.of(Fuzz.WHITESPACE.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
  }

  /** Strings over the characters refs may use, plus {@code @}, so that many are accepted. */
  @Provide
  Arbitrary<String> refLikeStrings() {
    return Arbitraries.strings().withChars("aZ0._/-@{").ofMinLength(1).ofMaxLength(14);
  }
}
