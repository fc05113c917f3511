package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMessagesNameTheValueTest {

  @Test
  void theArgumentAndItsValueAreNamed() {
    assertThatThrownBy(() -> Tar.create("/backups/x.tar", List.of("/srv/a", "/srv/b", "../etc")))
        .hasMessage("SafePath cannot contain '..' segments: sources[2] = '../etc'");
    assertThatThrownBy(() -> Tar.create("C:/x.tar", List.of("/srv/a")))
        .hasMessageStartingWith("SafePath cannot start with a drive letter")
        .hasMessageEndingWith(": archive = 'C:/x.tar'");
    assertThatThrownBy(() -> Rsync.sync("/srv/a", "host:/x", RsyncOptions.builder().allowRelative(true).build()))
        .hasMessageEndingWith(": destination = 'host:/x'");
    assertThatThrownBy(() -> Git.revParse("--output=/tmp/x"))
        .hasMessage("GitRef cannot start with '-': ref = '--output=/tmp/x'");
  }

  @Test
  void controlCharactersAreEscapedSoAValueCannotForgeALogLine() {
    assertThatThrownBy(() -> Git.checkout("main\nINFO granted", false, false, false))
        .hasMessage("GitRef cannot contain whitespace: ref = 'main\\nINFO granted'");
    assertThatThrownBy(() -> SafePath.of("rel\u001b[31m'x"))
        .hasMessage("SafePath requires an absolute path by default: 'rel\\u001b[31m\\'x'");
  }

  @Test
  void longValuesAreCut() {
    String longValue = "a".repeat(5_000);
    assertThatThrownBy(() -> SafePath.of(longValue))
        .hasMessage("SafePath requires an absolute path by default: '" + "a".repeat(120) + "...'")
        .isInstanceOfSatisfying(InvalidPathException.class, e -> assertThat(e.value()).isEqualTo(longValue));
  }

  @Test
  void aSecretArgumentIsNamedButNotShown() {
    assertThatThrownBy(() -> Sh.make(Programs.ECHO).args(List.of("-u", Sh.secret("user:pa\0ss")), Map.of()))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("argv element 1 contains a NUL character: ******");
    assertThatThrownBy(() -> Sh.make(Programs.ECHO).args(List.of("-u", "user:pa\0ss"), Map.of()))
        .hasMessage("argv element 1 contains a NUL character: 'user:pa\\u0000ss'");
  }
}
