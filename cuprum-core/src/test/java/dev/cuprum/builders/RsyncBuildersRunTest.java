package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rsync builder run by a real executor. The build installs rsync when it can (see
 * {@code scripts/install-test-tools.sh}); without it these tests are skipped.
 */
class RsyncBuildersRunTest {

  private static final CommandExecutor EXECUTOR = CommandExecutor.create();
  private static final RsyncOptions ARCHIVE = RsyncOptions.builder().archive(true).build();
  private static final FileTime LAST_YEAR = FileTime.from(Instant.parse("2025-03-01T12:00:00Z"));

  @TempDir
  Path work;

  private Path source;
  private Path destination;

  @BeforeEach
  void createTrees() throws IOException {
    assumeTrue(InstalledPrograms.has("rsync"), "rsync is not installed");
    source = FileTrees.write(work.resolve("src"));
    Files.setLastModifiedTime(source.resolve("a.txt"), LAST_YEAR);
    destination = Files.createDirectory(work.resolve("dst"));
  }

  @Test
  void archiveCopiesTheSourceDirectoryIntoTheDestinationKeepingTimes() throws IOException {
    runOk(Rsync.sync(source, destination, ARCHIVE));

    assertThat(FileTrees.read(destination.resolve("src"))).isEqualTo(FileTrees.read(source));
    assertThat(Files.getLastModifiedTime(destination.resolve("src/a.txt"))).isEqualTo(LAST_YEAR);
  }

  @Test
  void aTrailingSlashIsNormalisedAwaySoTheDirectoryItselfIsCopied() throws IOException {
    runOk(Rsync.sync(source + "/", destination.toString(), ARCHIVE));

    assertThat(FileTrees.read(destination)).containsOnlyKeys(FileTrees.read(work).keySet().stream()
        .filter(entry -> entry.startsWith("src")).toList());
  }

  @Test
  void withoutOptionsASingleFileIsCopied() throws IOException {
    runOk(Rsync.sync(source.resolve("a.txt"), destination));

    assertThat(destination.resolve("a.txt")).hasContent("alpha");
    assertThat(FileTrees.read(destination)).containsOnlyKeys("a.txt");
  }

  @Test
  void deleteRemovesWhatTheSourceLacks() throws IOException {
    Path stale = Files.createDirectories(destination.resolve("src")).resolve("stale.txt");
    Files.writeString(stale, "old\n");

    runOk(Rsync.sync(source, destination, ARCHIVE));
    assertThat(stale).exists();
    runOk(Rsync.sync(source, destination, RsyncOptions.builder().archive(true).delete(true).build()));

    assertThat(stale).doesNotExist();
    assertThat(FileTrees.read(destination.resolve("src"))).isEqualTo(FileTrees.read(source));
  }

  @Test
  void dryRunOnlyReportsWhatWouldChange() throws IOException {
    RsyncOptions options = RsyncOptions.builder().archive(true).dryRun(true).verbose(true).build();

    CommandResult result = runOk(Rsync.sync(source, destination, options));

    assertThat(result.stdout()).contains("src/a.txt", "src/nested/deeper/b.bin");
    assertThat(FileTrees.read(destination)).isEmpty();
  }

  @Test
  void everyFlagTogether() throws IOException {
    Files.writeString(Files.createDirectories(destination.resolve("src")).resolve("stale.txt"), "old\n");
    RsyncOptions options = RsyncOptions.builder().archive(true).delete(true).verbose(true).compress(true).build();

    CommandResult result = runOk(Rsync.sync(source, destination, options));

    assertThat(result.stdout()).contains("deleting src/stale.txt", "src/a.txt");
    assertThat(FileTrees.read(destination.resolve("src"))).isEqualTo(FileTrees.read(source));
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectoryWhenAllowed() throws IOException {
    RsyncOptions options = RsyncOptions.builder().archive(true).allowRelative(true).build();

    runOk(Rsync.sync("./src", "dst/", options));

    assertThat(FileTrees.read(destination.resolve("src"))).isEqualTo(FileTrees.read(source));
  }

  private CommandResult runOk(SafeCmd cmd) {
    ExecutionContext context = ExecutionContext.builder().cwd(work).env(Map.of("LC_ALL", "C")).build();
    CommandResult result = EXECUTOR.run(cmd, RunOptions.builder().context(context).build());
    assertThat(result.exitCode()).as("%s failed: %s", cmd.argvWithProgram(), result.stderr()).isZero();
    return result;
  }
}
