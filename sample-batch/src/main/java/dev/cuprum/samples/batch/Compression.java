package dev.cuprum.samples.batch;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.builders.SafePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The job's items and the command of each: a file name, and {@code gzip -kf} of that file. An item
 * comes back from the job repository, so it is confined to the input directory again before use.
 * {@code -f} makes the command idempotent: a command that runs again after a crash rewrites the
 * same archive.
 */
@Component
class Compression {

  static final Program GZIP = Program.of("gzip");

  private final ProgramCatalogue catalogue;
  private final Path inputDir;

  Compression(ProgramCatalogue catalogue, BatchSampleProperties properties) {
    this.catalogue = catalogue;
    this.inputDir = properties.inputDir();
  }

  List<String> items() {
    try (Stream<Path> files = Files.list(inputDir)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".gz")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the input directory " + inputDir, e);
    }
  }

  SafeCmd command(String item) {
    return Sh.make(GZIP, catalogue).args("-kf", "--", SafePath.within(inputDir, item).value());
  }
}
