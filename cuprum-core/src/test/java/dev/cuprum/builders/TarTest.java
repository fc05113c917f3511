package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TarTest {

  private static final TarCreateOptions RELATIVE = TarCreateOptions.builder().allowRelative(true).build();

  @Test
  void createWithGzip() {
    SafeCmd cmd = Tar.create("/t/archive.tar.gz", List.of("/t/source-a", "/t/source-b"),
        TarCreateOptions.builder().compression(Compression.GZIP).build());
    assertThat(cmd.program()).isEqualTo(Programs.TAR);
    assertThat(cmd.project().name()).isEqualTo(ProgramCatalogue.CORE_OPS_PROJECT);
    assertThat(cmd.argv())
        .containsExactly("-c", "-z", "--force-local", "-f", "/t/archive.tar.gz", "/t/source-a", "/t/source-b");
  }

  @ParameterizedTest
  @CsvSource({"NONE,", "GZIP,-z", "BZIP2,-j", "XZ,-J"})
  void eachCompressionHasAtMostOneFlag(Compression compression, String flag) {
    List<String> argv = Tar.create("/t/a.tar", List.of("/t/s"),
        TarCreateOptions.builder().compression(compression).build()).argv();
    if (flag == null) {
      assertThat(argv).containsExactly("-c", "--force-local", "-f", "/t/a.tar", "/t/s");
    } else {
      assertThat(argv).containsExactly("-c", flag, "--force-local", "-f", "/t/a.tar", "/t/s");
    }
    assertThat(compression.tarFlag()).isEqualTo(flag);
  }

  @Test
  void optionsDefaultToNoCompressionAndAbsolutePaths() {
    assertThat(TarCreateOptions.defaults()).isEqualTo(new TarCreateOptions(Compression.NONE, false));
    assertThat(TarCreateOptions.builder().build()).isEqualTo(TarCreateOptions.defaults());
    assertThat(Tar.create("/t/a.tar", List.of("/t/s"))).isEqualTo(
        Tar.create("/t/a.tar", List.of("/t/s"), TarCreateOptions.defaults()));
    assertThatThrownBy(() -> new TarCreateOptions(null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("compression");
  }

  @Test
  void createNeedsASourceBeforeAnythingElseIsChecked() {
    assertThatThrownBy(() -> Tar.create("relative.tar", List.of()))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("Tar.create requires at least one source path");
  }

  @Test
  void createChecksTheArchiveThenEachSourceInOrder() {
    assertThatThrownBy(() -> Tar.create("a.tar", List.of("/s", "")))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.NOT_ABSOLUTE));
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("/s", "", "/x/../y")))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.EMPTY));
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("/s", "/x/../y", "")))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.PARENT_SEGMENT));
  }

  @Test
  void allowRelativeAppliesToTheArchiveAndTheSources() {
    assertThat(Tar.create("out/a.tar", List.of("./src", "docs/"), RELATIVE).argv())
        .containsExactly("-c", "--force-local", "-f", "out/a.tar", "src", "docs");
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("/ok", "src")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath requires an absolute path by default: sources[1] = 'src'");
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("-rf"), RELATIVE))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath cannot start with '-': sources[0] = '-rf'");
  }

  @Test
  void pathsAndStringsGiveTheSameArgv() {
    assertThat(Tar.create(Path.of("/t/a.tar"), List.of(Path.of("/t/s1"), SafePath.of("/t/s2")),
        TarCreateOptions.builder().compression(Compression.XZ).build()))
        .isEqualTo(Tar.create("/t/a.tar", List.of("/t/s1", "/t/s2"),
            TarCreateOptions.builder().compression(Compression.XZ).build()));
    assertThat(Tar.extract(Path.of("/t/a.tar"), Path.of("/t/out"), false))
        .isEqualTo(Tar.extract("/t/a.tar", "/t/out", false));
  }

  @Test
  void createRefusesOtherTypesAndNulls() {
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("/s", 7)))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("SafePath expects String or Path, got Integer for sources[1]");
    assertThatThrownBy(() -> Tar.create(new StringBuilder("/a.tar"), List.of("/s")))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("SafePath expects String or Path, got StringBuilder for archive");
    assertThatThrownBy(() -> Tar.create("/a.tar", Arrays.asList("/s", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sources[1]");
    assertThatThrownBy(() -> Tar.create(null, List.of("/s"))).isInstanceOf(NullPointerException.class).hasMessage("archive");
    assertThatThrownBy(() -> Tar.create("/a.tar", null)).isInstanceOf(NullPointerException.class).hasMessage("sources");
    assertThatThrownBy(() -> Tar.create("/a.tar", List.of("/s"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
  }

  @Test
  void remoteArchivesAndDrivesAreRefusedAndTarIsToldToStayLocal() {
    TarCreateOptions relative = TarCreateOptions.builder().allowRelative(true).build();
    assertThatThrownBy(() -> Tar.create("C:/tmp/x.tar", List.of("/s")))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.DRIVE_LETTER));
    assertThatThrownBy(() -> Tar.create("localhost:x.tar", List.of("s"), relative))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.REMOTE_LOCATION));
    assertThatThrownBy(() -> Tar.extract("host:/x.tar", "out", true))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.REMOTE_LOCATION));
    assertThat(Tar.create("/t/host:x.tar", List.of("/s")).argv()).contains("--force-local");
    assertThat(Tar.extract("/t/host:x.tar", null).argv()).contains("--force-local");
  }

  @Test
  void extractWithAndWithoutDestination() {
    assertThat(Tar.extract("/t/a.tar", null, false).argvWithProgram())
        .containsExactly("tar", "-x", "--force-local", "-f", "/t/a.tar");
    assertThat(Tar.extract("/t/a.tar", "/t/out/", false).argv())
        .containsExactly("-x", "--force-local", "-f", "/t/a.tar", "-C", "/t/out");
    assertThat(Tar.extract("/t/a.tar", "/t/out")).isEqualTo(Tar.extract("/t/a.tar", "/t/out", false));
  }

  @Test
  void extractChecksTheArchiveThenTheDestination() {
    assertThatThrownBy(() -> Tar.extract("a.tar", "/out", false))
        .isInstanceOfSatisfying(InvalidPathException.class, e -> {
          assertThat(e.rejection()).isEqualTo(PathRejection.NOT_ABSOLUTE);
          assertThat(e.argument()).isEqualTo("archive");
          assertThat(e.value()).isEqualTo("a.tar");
        });
    assertThatThrownBy(() -> Tar.extract("/a.tar", "out", false))
        .isInstanceOfSatisfying(InvalidPathException.class, e -> {
          assertThat(e.rejection()).isEqualTo(PathRejection.NOT_ABSOLUTE);
          assertThat(e.argument()).isEqualTo("destination");
        });
    assertThat(Tar.extract("a.tar", "out", true).argv())
        .containsExactly("-x", "--force-local", "-f", "a.tar", "-C", "out");
    assertThatThrownBy(() -> Tar.extract("/a.tar", 3L, false))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("SafePath expects String or Path, got Long for destination");
    assertThatThrownBy(() -> Tar.extract(null, null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("archive");
  }
}
