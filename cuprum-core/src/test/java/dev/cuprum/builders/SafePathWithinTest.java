package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathWithinTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;

  @BeforeEach
  void layOut() throws IOException {
    root = Files.createDirectories(temp.resolve("repos"));
    outside = Files.createDirectories(temp.resolve("secrets"));
    Files.createDirectories(root.resolve("alpha/src"));
    Files.createSymbolicLink(root.resolve("escape"), outside);
    Files.createSymbolicLink(root.resolve("shortcut"), root.resolve("alpha"));
    Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("not-yet"));
  }

  @Test
  void relativeInputResolvesUnderTheRoot() throws IOException {
    Path real = root.toRealPath();
    assertThat(SafePath.within(root, "alpha").value()).isEqualTo(real.resolve("alpha").toString());
    assertThat(SafePath.within(root, "./alpha//src/").value()).isEqualTo(real.resolve("alpha/src").toString());
    assertThat(SafePath.within(root, ".").value()).isEqualTo(real.toString());
  }

  @Test
  void inputThatLooksLikeAnOptionOrARemoteBecomesAnAbsolutePath() throws IOException {
    Path real = root.toRealPath();
    assertThat(SafePath.within(root, "-rf").value()).isEqualTo(real.resolve("-rf").toString());
    assertThat(SafePath.within(root, "host:x").value()).isEqualTo(real.resolve("host:x").toString());
    assertThat(SafePath.within(root, "C:/x").value()).startsWith("/");
  }

  @Test
  void absoluteInputInsideTheRootIsKept() throws IOException {
    assertThat(SafePath.within(root, root.resolve("alpha/src").toString()).value())
        .isEqualTo(root.toRealPath().resolve("alpha/src").toString());
  }

  @Test
  void pathsThatDoNotExistYetAreAppendedToTheirRealAncestor() throws IOException {
    assertThat(SafePath.within(root, "shortcut/new/file.txt").value())
        .isEqualTo(root.toRealPath().resolve("alpha/new/file.txt").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../secrets", "alpha/../../secrets", "alpha/../alpha", "a/..", "/etc/passwd",
      "escape", "escape/key.pem", "escape/new-file", "dangling", "dangling/x"})
  void whatLeavesTheRootIsRefused(String input) {
    assertThatThrownBy(() -> SafePath.within(root, input))
        .isInstanceOfSatisfying(InvalidPathException.class, e -> {
          assertThat(e.rejection()).isEqualTo(PathRejection.OUTSIDE_ROOT);
          assertThat(e.argument()).isEqualTo("input");
          assertThat(e.value()).isEqualTo(input);
        })
        .hasMessageStartingWith("SafePath must stay inside its root directory: input = '");
  }

  @Test
  void anAbsolutePathThatOnlySharesThePrefixIsOutside() {
    assertThatThrownBy(() -> SafePath.within(root, root + "-other/x"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.OUTSIDE_ROOT));
  }

  @Test
  void aRootReachedThroughALinkAcceptsInputNamedEitherWay() throws IOException {
    Path linkedRoot = Files.createSymbolicLink(temp.resolve("linked"), root);
    String expected = root.toRealPath().resolve("alpha").toString();
    assertThat(SafePath.within(linkedRoot, "alpha").value()).isEqualTo(expected);
    assertThat(SafePath.within(linkedRoot, linkedRoot.resolve("alpha").toString()).value()).isEqualTo(expected);
  }

  @Test
  void emptyAndNulInputKeepTheirOwnRejections() {
    assertThatThrownBy(() -> SafePath.within(root, ""))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.EMPTY));
    assertThatThrownBy(() -> SafePath.within(root, "a\0b"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.NUL))
        .hasMessage("SafePath cannot contain NUL characters: input = 'a\\u0000b'");
  }

  @Test
  void theRootMustBeAnExistingDirectory() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> SafePath.within(temp.resolve("missing"), "a"))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("needs an existing root directory")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> SafePath.within(file, "a"))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("is not one");
  }
}
