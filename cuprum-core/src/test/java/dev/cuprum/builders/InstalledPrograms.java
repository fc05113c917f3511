package dev.cuprum.builders;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** Whether a program the tests run for real is installed, the way a process launch would find it. */
final class InstalledPrograms {

  private InstalledPrograms() {}

  /** Whether an executable file of this name is in a directory of the {@code PATH}. */
  static boolean has(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(directory -> !directory.isEmpty())
        .map(directory -> Path.of(directory, program))
        .anyMatch(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate));
  }
}
