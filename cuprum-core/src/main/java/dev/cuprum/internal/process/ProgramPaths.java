package dev.cuprum.internal.process;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProgramLocator;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which file each program runs from.
 *
 * <p>By default a bare name is looked up by the JDK in the JVM's {@code PATH} (never in an
 * environment overlay's). If that {@code PATH} has a relative entry, which would resolve a name
 * in the command's working directory, Cuprum looks the name up itself among the absolute entries
 * only. Pinned paths ({@link #pin(ProgramCatalogue, ProgramLocator)}) are resolved once, when the
 * executor is built, and then always used.
 */
public final class ProgramPaths {

  private static final ProgramLocator JVM_PATH = ProgramLocator.fromEnvironment();
  private static final boolean JVM_PATH_HAS_RELATIVE_ENTRIES = hasRelativeEntries(System.getenv("PATH"));

  private final Map<Program, Path> pinned;
  private final Set<Program> missing;

  private ProgramPaths(Map<Program, Path> pinned, Set<Program> missing) {
    this.pinned = Map.copyOf(pinned);
    this.missing = Set.copyOf(missing);
  }

  /** Nothing pinned: every run looks its program up. */
  public static ProgramPaths unpinned() {
    return new ProgramPaths(Map.of(), Set.of());
  }

  /** Every catalogue program resolved now; those not found are remembered as missing. */
  public static ProgramPaths pin(ProgramCatalogue catalogue, ProgramLocator locator) {
    Map<Program, Path> pinned = new LinkedHashMap<>();
    Set<Program> missing = new LinkedHashSet<>();
    for (Program program : catalogue.allowlist()) {
      locator.locate(program).ifPresentOrElse(path -> pinned.put(program, path), () -> missing.add(program));
    }
    return new ProgramPaths(pinned, missing);
  }

  /** The pinned programs and their files. */
  public Map<Program, Path> pinned() {
    return pinned;
  }

  /** Catalogue programs that were not found when pinning. */
  public Set<Program> missing() {
    return missing;
  }

  /**
   * What to put first in the argv handed to the operating system, or empty when the program
   * cannot be run (pinned as missing, or only reachable through a relative {@code PATH} entry).
   */
  Optional<String> executable(Program program) {
    Path path = pinned.get(program);
    if (path != null) {
      return Optional.of(path.toString());
    }
    if (missing.contains(program)) {
      return Optional.empty();
    }
    if (JVM_PATH_HAS_RELATIVE_ENTRIES && !program.isAbsolutePath()) {
      return JVM_PATH.locate(program).map(Path::toString);
    }
    return Optional.of(program.name());
  }

  private static boolean hasRelativeEntries(@Nullable String searchPath) {
    if (searchPath == null) {
      return false;
    }
    for (String entry : searchPath.split(File.pathSeparator, -1)) {
      if (entry.isEmpty() || !entry.startsWith("/")) {
        return true;
      }
    }
    return false;
  }
}
