package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SafePathPropertyTest {

  @Property
  void theFactoryThrowsExactlyWhenClassifyReportsWithThatMessage(
      @ForAll("anyStrings") String raw, @ForAll boolean allowRelative) {
    PathRejection rejection = SafePath.classify(raw, allowRelative);
    if (rejection == null) {
      assertThat(SafePath.of(raw, allowRelative).value()).isNotEmpty();
    } else {
      assertThatThrownBy(() -> SafePath.of(raw, allowRelative))
          .isInstanceOfSatisfying(InvalidPathException.class, e -> assertThat(e.rejection()).isEqualTo(rejection))
          .hasMessageStartingWith(rejection.message() + ": '");
    }
  }

  @Property
  void nulWinsOverEverythingButEmpty(
      @ForAll("alphabetStrings") String before, @ForAll("alphabetStrings") String after, @ForAll boolean allowRelative) {
    assertThat(SafePath.classify(before + "\0" + after, allowRelative)).isEqualTo(PathRejection.NUL);
  }

  @Property
  void aParentSegmentIsAlwaysRejectedAsSuch(
      @ForAll("nulFreeStrings") String x, @ForAll("nulFreeStrings") String y, @ForAll boolean allowRelative) {
    assertThat(SafePath.classify("/" + x + "/../" + y, allowRelative)).isEqualTo(PathRejection.PARENT_SEGMENT);
    assertThat(SafePath.classify(x + "/../" + y, allowRelative)).isEqualTo(PathRejection.PARENT_SEGMENT);
  }

  @Property
  void allowingRelativePathsOnlyLiftsTheAbsoluteCheck(@ForAll("anyStrings") String raw) {
    PathRejection strict = SafePath.classify(raw, false);
    PathRejection lenient = SafePath.classify(raw, true);
    if (strict == PathRejection.NOT_ABSOLUTE) {
      assertThat(lenient).isIn(null, PathRejection.REMOTE_LOCATION, PathRejection.LEADING_DASH);
    } else {
      assertThat(lenient).isEqualTo(strict).isNotIn(PathRejection.REMOTE_LOCATION, PathRejection.LEADING_DASH);
    }
  }

  @Property
  void acceptedValuesAreNormalisedIdempotentlyAndStayAccepted(
      @ForAll("anyStrings") String raw, @ForAll boolean allowRelative) {
    if (SafePath.classify(raw, allowRelative) != null) {
      return;
    }
    String value = SafePath.of(raw, allowRelative).value();
    assertThat(SafePath.classify(value, allowRelative)).isNull();
    assertThat(SafePath.of(value, allowRelative).value()).isEqualTo(value);
    assertThat(new SafePath(value).value()).isEqualTo(value);
    assertThat(value).doesNotContain("/./").doesNotEndWith("/.").doesNotStartWith("-");
    assertThat(value.substring(1)).doesNotContain("//");
    if (!value.equals("/") && !value.equals("//")) {
      assertThat(value).doesNotEndWith("/");
    }
  }

  @Property(tries = 2000)
  void noAcceptedValueIsRemoteForRsyncTarOrScp(@ForAll("anyStrings") String raw, @ForAll boolean allowRelative) {
    if (SafePath.classify(raw, allowRelative) != null) {
      return;
    }
    String value = SafePath.of(raw, allowRelative).value();
    assertThat(RemoteForms.rsyncRemote(value)).as("rsync reads %s as remote", value).isFalse();
    assertThat(RemoteForms.tarRemote(value)).as("tar reads %s as remote", value).isFalse();
    assertThat(RemoteForms.scpRemote(value)).as("scp reads %s as remote", value).isFalse();
    assertThat(value).doesNotMatch("(?s)[A-Za-z]:([/\\\\].*)?");
  }

  @Test
  void theProgramsRulesRecogniseTheRemoteForms() {
    for (String remote : List.of("h:x", "u@h:/x", "h::mod/x", "rsync://h/mod", "RSYNC://h:873/m", "[::1]:x", ":x")) {
      assertThat(RemoteForms.rsyncRemote(remote)).as(remote).isTrue();
    }
    for (String local : List.of("/h:x", "a/b:c", "[a/b]:x", "a/rsync://x", "x")) {
      assertThat(RemoteForms.rsyncRemote(local)).as(local).isFalse();
    }
    assertThat(List.of("C:/x", "h:x", "u@h:/x", "localhost:a.tar")).allMatch(RemoteForms::tarRemote);
    assertThat(List.of(":x", "/h:x", "a/b:c", "x")).noneMatch(RemoteForms::tarRemote);
    assertThat(List.of("C:/x", "h:x", "[::1]:x", "u@[::1]:x", "scp://h/x")).allMatch(RemoteForms::scpRemote);
    assertThat(List.of(":x", "/h:x", "a/b:c", "[::1]x", "x")).noneMatch(RemoteForms::scpRemote);
  }

  @Property
  void aPathGivesWhatItsStringGives(@ForAll("javaPathStrings") String raw, @ForAll boolean allowRelative) {
    Path path = Path.of(raw);
    assertThat(outcome(() -> SafePath.of(path, allowRelative))).isEqualTo(outcome(() -> SafePath.of(raw, allowRelative)));
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
  Arbitrary<String> nulFreeStrings() {
    return Fuzz.nulFreeStrings();
  }

  /** Strings whose meaning Java's Unix {@code Path} keeps: it collapses a leading {@code //}. */
  @Provide
  Arbitrary<String> javaPathStrings() {
    return Fuzz.nulFreeStrings().filter(raw -> !raw.startsWith("//"));
  }

  private static Object outcome(Supplier<SafePath> factory) {
    try {
      return factory.get();
    } catch (InvalidPathException e) {
      return e.rejection();
    }
  }
}
