package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tar builders run by a real executor: archives are written, then read back. */
class TarBuildersRunTest {

  private static final CommandExecutor EXECUTOR = CommandExecutor.create();

  @TempDir
  Path work;

  @BeforeEach
  void requireTar() {
    assumeTrue(InstalledPrograms.has("tar"), "tar is not installed");
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void anArchiveRestoresTheTreeItWasMadeOf(Compression compression) throws IOException {
    String compressor = compressor(compression);
    assumeTrue(compressor == null || InstalledPrograms.has(compressor), compressor + " is not installed");
    Path source = FileTrees.write(work.resolve("site/src"));
    Path archive = work.resolve("out.tar");
    TarCreateOptions options = TarCreateOptions.builder().compression(compression).allowRelative(true).build();

    runOk(Tar.create(archive, List.of("src"), options), work.resolve("site"));
    assertThat(leadingBytes(archive, 6)).startsWith(magic(compression));
    Path restored = Files.createDirectory(work.resolve("restored"));
    runOk(Tar.extract(archive, restored, false), work);

    assertThat(FileTrees.read(restored.resolve("src"))).isEqualTo(FileTrees.read(source)).isNotEmpty();
  }

  @Test
  void absoluteSourcesAreStoredWithoutTheirLeadingSlash() throws IOException {
    Path first = FileTrees.write(work.resolve("first"));
    Path second = Files.writeString(work.resolve("second.txt"), "second\n");
    Path archive = work.resolve("absolute.tar");

    CommandResult created = runOk(Tar.create(archive.toString(), List.of(first, second.toString())), work);
    assertThat(created.stderr()).contains("Removing leading");
    Path restored = Files.createDirectory(work.resolve("restored"));
    runOk(Tar.extract(archive, null), restored);

    Path mirrored = restored.resolve(work.toString().substring(1));
    assertThat(FileTrees.read(mirrored.resolve("first"))).isEqualTo(FileTrees.read(first));
    assertThat(mirrored.resolve("second.txt")).hasContent("second");
  }

  @Test
  void extractingAMissingArchiveFails() {
    CommandResult result = EXECUTOR.run(Tar.extract(work.resolve("missing.tar"), work), runIn(work));

    assertThat(result.ok()).isFalse();
    assertThat(result.stderr()).contains("missing.tar");
  }

  private static CommandResult runOk(SafeCmd cmd, Path cwd) {
    CommandResult result = EXECUTOR.run(cmd, runIn(cwd));
    assertThat(result.exitCode()).as("%s failed: %s", cmd.argvWithProgram(), result.stderr()).isZero();
    return result;
  }

  private static RunOptions runIn(Path cwd) {
    // tar's notes on stderr are asserted in English.
    ExecutionContext context = ExecutionContext.builder().cwd(cwd).env(Map.of("LC_ALL", "C")).build();
    return RunOptions.builder().context(context).build();
  }

  private static String compressor(Compression compression) {
    return switch (compression) {
      case NONE -> null;
      case GZIP -> "gzip";
      case BZIP2 -> "bzip2";
      case XZ -> "xz";
    };
  }

  /** How each format starts; a plain tar archive starts with the first member's name. */
  private static byte[] magic(Compression compression) {
    return switch (compression) {
      case NONE -> "src/".getBytes(StandardCharsets.US_ASCII);
      case GZIP -> new byte[] {0x1f, (byte) 0x8b};
      case BZIP2 -> "BZh".getBytes(StandardCharsets.US_ASCII);
      case XZ -> new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    };
  }

  private static byte[] leadingBytes(Path file, int count) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.copyOf(in.readNBytes(count), count);
    }
  }
}
