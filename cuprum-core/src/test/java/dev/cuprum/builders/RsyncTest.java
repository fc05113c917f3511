package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsyncTest {

  @Test
  void defaultOptionsGiveOnlyThePaths() {
    SafeCmd cmd = Rsync.sync("/srv/src", "/srv/dst", RsyncOptions.defaults());
    assertThat(cmd.program()).isEqualTo(Programs.RSYNC);
    assertThat(cmd.project().name()).isEqualTo(ProgramCatalogue.CORE_OPS_PROJECT);
    assertThat(cmd.argvWithProgram()).containsExactly("rsync", "/srv/src", "/srv/dst");
    assertThat(Rsync.sync("/srv/src", "/srv/dst")).isEqualTo(cmd);
  }

  @Test
  void everyFlagInItsFixedOrderBeforeThePaths() {
    RsyncOptions all = RsyncOptions.builder()
        .compress(true).verbose(true).dryRun(true).delete(true).archive(true).build();
    assertThat(Rsync.sync("/srv/src", "/srv/dst", all).argv()).containsExactly(
        "--archive", "--delete", "--dry-run", "--verbose", "--compress", "/srv/src", "/srv/dst");
  }

  @Test
  void eachFlagAlone() {
    assertThat(Rsync.sync("/a", "/b", RsyncOptions.builder().archive(true).build()).argv())
        .containsExactly("--archive", "/a", "/b");
    assertThat(Rsync.sync("/a", "/b", RsyncOptions.builder().delete(true).build()).argv())
        .containsExactly("--delete", "/a", "/b");
    assertThat(Rsync.sync("/a", "/b", RsyncOptions.builder().dryRun(true).build()).argv())
        .containsExactly("--dry-run", "/a", "/b");
    assertThat(Rsync.sync("/a", "/b", RsyncOptions.builder().verbose(true).build()).argv())
        .containsExactly("--verbose", "/a", "/b");
    assertThat(Rsync.sync("/a", "/b", RsyncOptions.builder().compress(true).build()).argv())
        .containsExactly("--compress", "/a", "/b");
  }

  @Test
  void optionsDefaultToFalse() {
    assertThat(RsyncOptions.defaults()).isEqualTo(new RsyncOptions(false, false, false, false, false, false));
    assertThat(RsyncOptions.builder().build()).isEqualTo(RsyncOptions.defaults());
  }

  @Test
  void pathsAreNormalised() {
    assertThat(Rsync.sync("/srv//src/./", Path.of("/srv/dst/")).argv()).containsExactly("/srv/src", "/srv/dst");
    assertThat(Rsync.sync(SafePath.of("/srv/src"), SafePath.of("/srv/dst")).argv())
        .containsExactly("/srv/src", "/srv/dst");
  }

  @Test
  void relativePathsNeedAllowRelative() {
    assertThatThrownBy(() -> Rsync.sync("src", "/dst"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.NOT_ABSOLUTE))
        .hasMessageContaining("absolute path");
    assertThatThrownBy(() -> Rsync.sync("/src", "dst"))
        .isInstanceOf(InvalidPathException.class)
        .hasMessageContaining("absolute path");
    RsyncOptions relative = RsyncOptions.builder().allowRelative(true).build();
    assertThat(Rsync.sync("./src", "dst/", relative).argv()).containsExactly("src", "dst");
  }

  @Test
  void aRelativeSafePathIsCheckedAgainstTheOptions() {
    SafePath relative = SafePath.of("src", true);
    assertThatThrownBy(() -> Rsync.sync(relative, "/dst"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.NOT_ABSOLUTE));
    assertThat(Rsync.sync(relative, "/dst", RsyncOptions.builder().allowRelative(true).build()).argv())
        .containsExactly("src", "/dst");
  }

  @Test
  void pathsThatWouldReadAsOptionsAreRejected() {
    RsyncOptions relative = RsyncOptions.builder().allowRelative(true).build();
    assertThatThrownBy(() -> Rsync.sync("--delete", "/dst", relative))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.LEADING_DASH))
        .hasMessage("SafePath cannot start with '-': source = '--delete'");
  }

  @Test
  void remoteLocationsAndDrivesAreRefusedSoRsyncStaysLocal() {
    RsyncOptions relative = RsyncOptions.builder().allowRelative(true).build();
    assertThatThrownBy(() -> Rsync.sync("/etc/hostname", "C:/tmp/x"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.DRIVE_LETTER));
    for (String remote : List.of("evil.example::mod/x", "user@host:/x", "rsync://host/mod", "host:x")) {
      assertThatThrownBy(() -> Rsync.sync("/src", remote, relative))
          .isInstanceOfSatisfying(InvalidPathException.class,
              e -> assertThat(e.rejection()).isEqualTo(PathRejection.REMOTE_LOCATION));
      assertThatThrownBy(() -> Rsync.sync(remote, "/dst", relative))
          .isInstanceOfSatisfying(InvalidPathException.class,
              e -> assertThat(e.rejection()).isEqualTo(PathRejection.REMOTE_LOCATION));
    }
    assertThat(Rsync.sync("/srv/host:x", "dir/a:b", relative).argv()).containsExactly("/srv/host:x", "dir/a:b");
  }

  @Test
  void theSourceIsCheckedBeforeTheDestination() {
    assertThatThrownBy(() -> Rsync.sync("/a/../b", ""))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.PARENT_SEGMENT));
  }

  @Test
  void otherTypesAreRefusedByName() {
    assertThatThrownBy(() -> Rsync.sync(42, "/dst"))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("SafePath expects String or Path, got Integer for source");
    assertThatThrownBy(() -> Rsync.sync("/src", "/dst".getBytes(StandardCharsets.UTF_8)))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("SafePath expects String or Path, got byte[] for destination");
  }

  @Test
  void nullsNameTheParameter() {
    assertThatThrownBy(() -> Rsync.sync(null, "/dst")).isInstanceOf(NullPointerException.class).hasMessage("source");
    assertThatThrownBy(() -> Rsync.sync("/src", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("destination");
    assertThatThrownBy(() -> Rsync.sync("/src", "/dst", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
  }
}
