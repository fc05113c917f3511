package dev.cuprum.samples.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.builders.InvalidPathException;
import dev.cuprum.builders.PathRejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTests {

  @TempDir
  private Path input;

  private Compression compression() {
    ProgramCatalogue catalogue = ProgramCatalogue.of(ProjectSettings.builder("sample-batch").programs(Compression.GZIP).build());
    return new Compression(catalogue, new BatchSampleProperties(input, "1", false, null));
  }

  @Test
  void theItemsAreTheFilesNotYetArchives() throws IOException {
    Files.writeString(input.resolve("b.txt"), "b");
    Files.writeString(input.resolve("a.txt"), "a");
    Files.writeString(input.resolve("a.txt.gz"), "");

    assertThat(compression().items()).containsExactly("a.txt", "b.txt");
  }

  @Test
  void anItemBecomesGzipOfThatFileAfterTheEndOfOptions() {
    assertThat(compression().command("-rf").argvWithProgram())
        .containsExactly("gzip", "-k", "--", input.resolve("-rf").toString());
  }

  @Test
  void linksAndDirectoriesAreNotItems() throws IOException {
    Files.writeString(input.resolve("a.txt"), "a");
    Files.createSymbolicLink(input.resolve("link.txt"), Path.of("/etc/hostname"));
    Files.createDirectory(input.resolve("dir"));

    assertThat(compression().items()).containsExactly("a.txt");
  }

  @Test
  void anArchiveLeftByAnEarlierAttemptIsRemovedBeforeTheCommandRunsAgain() throws IOException {
    Files.writeString(input.resolve("a.txt.gz"), "half written");

    compression().command("a.txt");

    assertThat(input.resolve("a.txt.gz")).doesNotExist();
  }

  @Test
  void anItemThatLeavesTheInputDirectoryIsRefused() {
    assertThatExceptionOfType(InvalidPathException.class).isThrownBy(() -> compression().command("../etc/passwd"))
        .satisfies(e -> assertThat(e.rejection()).isEqualTo(PathRejection.OUTSIDE_ROOT));
  }
}
