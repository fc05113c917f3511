package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CuprumException;
import dev.cuprum.InvalidArgumentException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathTest {

  @Test
  void emptyIsRejectedFirst() {
    assertRejected("", false, PathRejection.EMPTY, "SafePath cannot be empty");
    assertRejected("", true, PathRejection.EMPTY, "SafePath cannot be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad\0path", "\0", "../\0", "rel\0/..", "-\0"})
  void nulWinsOverEverythingButEmpty(String raw) {
    assertRejected(raw, false, PathRejection.NUL, "SafePath cannot contain NUL characters");
    assertRejected(raw, true, PathRejection.NUL, "SafePath cannot contain NUL characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tmp/../var", "a/../b", "/a/b/..", "..", "/..", "../-x", "-x/.."})
  void parentSegmentsAreRejectedEvenWhenRelativeIsAllowed(String raw) {
    assertRejected(raw, false, PathRejection.PARENT_SEGMENT, "SafePath cannot contain '..' segments");
    assertRejected(raw, true, PathRejection.PARENT_SEGMENT, "SafePath cannot contain '..' segments");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a/..b", "/a/...", "/a../b", "/.../x"})
  void componentsThatMerelyContainDotsAreKept(String raw) {
    assertThat(SafePath.of(raw).value()).isEqualTo(raw);
  }

  @Test
  void relativePathsNeedPermission() {
    assertRejected("relative/file.txt", false, PathRejection.NOT_ABSOLUTE, "SafePath requires an absolute path by default");
    assertThat(SafePath.of("relative/file.txt", true).value()).isEqualTo("relative/file.txt");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/tmp/./x|/tmp/x",
      "/a/b/|/a/b",
      "/a//b|/a/b",
      "///a|/a",
      "//a/b|//a/b",
      "//|//",
      "///|/",
      "/|/",
      "/.|/",
      "'/ a b /'|'/ a b '",
      "'/a\\b/'|'/a\\b'",
      "/tmp/host:x|/tmp/host:x",
      "//h:x/|//h:x",
      "'/c:\\..\\x'|'/c:\\..\\x'"})
  void absolutePathsAreNormalisedTheWayPosixPathsAre(String raw, String normalised) {
    assertThat(SafePath.of(raw).value()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "./a|a",
      ".|.",
      "./|.",
      "./.|.",
      "a/./b//c/|a/b/c",
      "~/x|~/x",
      "'\\\\srv\\x'|'\\\\srv\\x'",
      "a-b|a-b",
      "x/-y|x/-y"})
  void relativePathsAreNormalisedWhenAllowed(String raw, String normalised) {
    assertThat(SafePath.of(raw, true).value()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:/tmp/x", "C:\\x", "c:\\..\\x", "z:/", "C:", "C://x/./y/", "./C:/x", "Z:\\"})
  void windowsDrivesAreRefusedEvenWhenRelativeIsAllowed(String raw) {
    String message = "SafePath cannot start with a drive letter such as 'C:/': it is not an absolute path on POSIX, "
        + "and rsync, tar and scp read it as a remote host";
    assertRejected(raw, false, PathRejection.DRIVE_LETTER, message);
    assertRejected(raw, true, PathRejection.DRIVE_LETTER, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"host:x", "host:/x", "user@host:/x", "evil.example::mod/x", "rsync://host/mod/x",
      "RSYNC://host/x", "scp://host/x", "[::1]:x", "user@[::1]:/x", ":x", "ab:", "x:y", "./h:x", ".//h:x/y",
      "C:x", "1:/x", "localhost:archive.tar", "h::"})
  void relativePathsThatRsyncTarOrScpReadAsRemoteAreRefused(String raw) {
    String message = "SafePath cannot have a ':' before its first '/': rsync, tar and scp read it as a remote "
        + "location (host:path, host::module, rsync://); give an absolute path";
    assertRejected(raw, true, PathRejection.REMOTE_LOCATION, message);
    assertRejected(raw, false, PathRejection.NOT_ABSOLUTE, "SafePath requires an absolute path by default");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b:c", "dir/host:x", "./a/b:c", "a/rsync://x"})
  void aColonAfterTheFirstSlashIsLocal(String raw) {
    assertThat(SafePath.classify(raw, true)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-rf", "--delete", "-", "./-rf", ".//-x/y", "-/a"})
  void relativePathsThatWouldReadAsOptionsAreRejected(String raw) {
    assertRejected(raw, true, PathRejection.LEADING_DASH, "SafePath cannot start with '-'");
    assertRejected(raw, false, PathRejection.NOT_ABSOLUTE, "SafePath requires an absolute path by default");
  }

  @Test
  void normalisationIsIdempotent() {
    for (String raw : new String[] {"/tmp/./x", "//a//b/", "/", "//", "/C:/", "/h:x\\", "/ a b /"}) {
      String once = SafePath.of(raw).value();
      assertThat(SafePath.of(once).value()).isEqualTo(once);
    }
  }

  @Test
  void pathsAreConvertedToTheirStringForm() {
    assertThat(SafePath.of(Path.of("/tmp/x/example"))).isEqualTo(SafePath.of("/tmp/x/example"));
    assertThat(SafePath.of(Path.of("/tmp/./x/"))).isEqualTo(SafePath.of("/tmp/./x/"));
    assertThat(SafePath.of(Path.of("a/b"), true)).isEqualTo(SafePath.of("a/b", true));
    assertThatThrownBy(() -> SafePath.of(Path.of("a/b")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath requires an absolute path by default: 'a/b'");
    assertThatThrownBy(() -> SafePath.of(Path.of("/a/../b")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath cannot contain '..' segments: '/a/../b'");
    assertThatThrownBy(() -> SafePath.of(Path.of(""), true))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath cannot be empty: ''");
  }

  @Test
  void theCanonicalConstructorAcceptsWhatOfAcceptsWithRelativePathsAndNormalises() {
    assertThat(new SafePath("/a//b/")).isEqualTo(SafePath.of("/a/b"));
    assertThat(new SafePath("./rel/")).isEqualTo(SafePath.of("rel", true));
    assertThatThrownBy(() -> new SafePath("/a/../b")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> new SafePath("-x")).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void theValueIsTheStringForm() {
    assertThat(SafePath.of("/a/b/")).hasToString("/a/b");
  }

  @Test
  void rejectionsAreArgumentErrors() {
    assertThatThrownBy(() -> SafePath.of("rel"))
        .isInstanceOf(InvalidArgumentException.class)
        .isInstanceOf(CuprumException.class);
  }

  @Test
  void nullsNameTheParameter() {
    assertThatThrownBy(() -> SafePath.of((String) null)).isInstanceOf(NullPointerException.class).hasMessage("path");
    assertThatThrownBy(() -> SafePath.of((Path) null, true)).isInstanceOf(NullPointerException.class).hasMessage("path");
    assertThatThrownBy(() -> SafePath.classify(null, true)).isInstanceOf(NullPointerException.class).hasMessage("raw");
  }

  @Test
  void classifyReportsWithoutThrowing() {
    assertThat(SafePath.classify("", true)).isEqualTo(PathRejection.EMPTY);
    assertThat(SafePath.classify("x\0", true)).isEqualTo(PathRejection.NUL);
    assertThat(SafePath.classify("/..", true)).isEqualTo(PathRejection.PARENT_SEGMENT);
    assertThat(SafePath.classify("C:/x", true)).isEqualTo(PathRejection.DRIVE_LETTER);
    assertThat(SafePath.classify("x", false)).isEqualTo(PathRejection.NOT_ABSOLUTE);
    assertThat(SafePath.classify("h:x", true)).isEqualTo(PathRejection.REMOTE_LOCATION);
    assertThat(SafePath.classify("-x", true)).isEqualTo(PathRejection.LEADING_DASH);
    assertThat(SafePath.classify("x", true)).isNull();
    assertThat(SafePath.classify("/x", false)).isNull();
  }

  private static void assertRejected(String raw, boolean allowRelative, PathRejection rejection, String message) {
    assertThat(SafePath.classify(raw, allowRelative)).isEqualTo(rejection);
    assertThatThrownBy(() -> SafePath.of(raw, allowRelative))
        .isInstanceOfSatisfying(InvalidPathException.class, e -> assertThat(e.rejection()).isEqualTo(rejection))
        .hasMessageStartingWith(message + ": '")
        .satisfies(e -> assertThat(((InvalidPathException) e).value()).isEqualTo(raw));
  }
}
