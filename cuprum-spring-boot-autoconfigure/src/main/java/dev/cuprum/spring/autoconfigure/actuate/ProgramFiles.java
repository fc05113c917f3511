package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.ExecutorSettings;
import dev.cuprum.Program;
import dev.cuprum.ProgramLocator;
import java.nio.file.Path;
import java.util.Optional;

/** The file a program runs from: its pinned file, or else where the JVM's {@code PATH} finds it now. */
final class ProgramFiles {

  private ProgramFiles() {}

  static Optional<Path> of(Program program, ExecutorSettings settings, ProgramLocator locator) {
    Path pinned = settings.pinnedPrograms().get(program);
    return pinned != null ? Optional.of(pinned) : locator.locate(program);
  }
}
