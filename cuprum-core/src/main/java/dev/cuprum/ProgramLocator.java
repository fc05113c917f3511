package dev.cuprum;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the executable file a {@link Program} names on this host: for health checks,
 * diagnostics and {@link CommandExecutor.Builder#pinPrograms(boolean) pinned} executors.
 *
 * <p>An absolute program is found when it is a regular, executable file. A bare name is looked
 * up in the search path's directories, in order. Only absolute directories are searched: an
 * empty, {@code .} or other relative entry would make the answer depend on the working directory,
 * and Cuprum never runs programs from there.
 */
public final class ProgramLocator {

  private final List<Path> directories;

  private ProgramLocator(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** A locator for the JVM's {@code PATH}, which is where the JVM looks when it starts a process. */
  public static ProgramLocator fromEnvironment() {
    return forSearchPath(System.getenv("PATH"));
  }

  /**
   * A locator for a {@code PATH}-style value: directories separated by
   * {@link File#pathSeparator}. Relative and unparseable entries are skipped.
   *
   * @param searchPath the search path; null for none
   */
  public static ProgramLocator forSearchPath(@Nullable String searchPath) {
    List<Path> directories = new ArrayList<>();
    if (searchPath != null) {
      for (String entry : searchPath.split(File.pathSeparator, -1)) {
        Path directory = absoluteDirectory(entry);
        if (directory != null && !directories.contains(directory)) {
          directories.add(directory);
        }
      }
    }
    return new ProgramLocator(directories);
  }

  /** The absolute directories bare names are looked up in, in search order. */
  public List<Path> directories() {
    return directories;
  }

  /**
   * The executable file the program names, if there is one.
   *
   * @return the absolute path of the executable, or empty when none is found
   */
  public Optional<Path> locate(Program program) {
    Objects.requireNonNull(program, "program");
    if (program.isAbsolutePath()) {
      return executable(Path.of(program.name()));
    }
    for (Path directory : directories) {
      Optional<Path> found = executable(directory.resolve(program.name()));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static @Nullable Path absoluteDirectory(String entry) {
    if (entry.isEmpty()) {
      return null;
    }
    try {
      Path directory = Path.of(entry);
      return directory.isAbsolute() ? directory.normalize() : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Optional<Path> executable(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  @Override
  public String toString() {
    return "ProgramLocator" + directories;
  }
}
