package dev.cuprum.samples.batch;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.builders.SafePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The job's items and the command of each: the name of a regular file of the input directory, and
 * {@code gzip -k} of that file. An item comes back from the job repository, so it is confined to
 * the input directory again before use. Without {@code -f}, gzip never follows a symbolic link,
 * so a file swapped for a link after the check is refused, not read; and it never overwrites, so
 * an archive left by an earlier attempt is removed first, which makes a command that runs again
 * after a crash write the same archive anew.
 */
@Component
class Compression {

  static final Program GZIP = Program.of("gzip");

  private final ProgramCatalogue catalogue;
  private final Path inputDir;

  Compression(ProgramCatalogue catalogue, BatchSampleProperties properties) {
    this.catalogue = catalogue;
    if (properties.inputDir() == null || !Files.isDirectory(properties.inputDir())) {
      throw new IllegalStateException("sample.batch.input-dir must name the directory whose files to compress, was "
          + properties.inputDir());
    }
    this.inputDir = properties.inputDir();
  }

  List<String> items() {
    try (Stream<Path> files = Files.list(inputDir)) {
      return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
          .map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".gz")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the input directory " + inputDir, e);
    }
  }

  SafeCmd command(String item) {
    String file = SafePath.within(inputDir, item).value();
    try {
      Files.deleteIfExists(Path.of(file + ".gz"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the archive an earlier attempt left for " + item, e);
    }
    return Sh.make(GZIP, catalogue).args("-k", "--", file);
  }
}
