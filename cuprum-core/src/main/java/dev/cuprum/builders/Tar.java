package dev.cuprum.builders;

import dev.cuprum.CommandBuilder;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code tar} commands of the default catalogue (GNU tar). Every path passes through
 * {@link SafePath}, so none can be read as an option or a remote location, and every command
 * passes {@code --force-local}, so tar never reads an archive name as {@code host:file} and never
 * starts a remote shell for it.
 *
 * <p>GNU tar stores absolute sources without their leading {@code /} (and says so on stderr);
 * to control member names, run {@code create} in a working directory with relative sources and
 * {@link TarCreateOptions#allowRelative()}.
 */
public final class Tar {

  private static final CommandBuilder TAR = Sh.make(Programs.TAR);
  /** GNU tar's switch that makes an archive name with a colon a local file. */
  private static final String FORCE_LOCAL = "--force-local";

  private Tar() {}

  /** {@link #create(Object, List, TarCreateOptions)} with {@link TarCreateOptions#defaults()}. */
  public static SafeCmd create(Object archive, List<?> sources) {
    return create(archive, sources, TarCreateOptions.defaults());
  }

  /**
   * {@code tar -c [-z|-j|-J] --force-local -f ARCHIVE SOURCE...}, with at most one compression
   * flag.
   *
   * @param archive the archive to write: a {@code String}, {@code Path} or {@link SafePath}
   * @param sources what to archive, each a {@code String}, {@code Path} or {@link SafePath}
   * @throws InvalidArgumentException when {@code sources} is empty (checked first), or a path is
   *     of another type
   * @throws InvalidPathException when {@link SafePath} refuses the archive, then a source, in
   *     order (relative paths only with {@link TarCreateOptions#allowRelative()})
   * @throws NullPointerException when an argument or a source is null, naming it
   */
  public static SafeCmd create(Object archive, List<?> sources, TarCreateOptions options) {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(options, "options");
    if (sources.isEmpty()) {
      throw new InvalidArgumentException("Tar.create requires at least one source path");
    }
    boolean allowRelative = options.allowRelative();
    SafePath archivePath = PathArgument.of(archive, "archive", allowRelative);
    List<String> argv = new ArrayList<>(sources.size() + 5);
    argv.add("-c");
    String flag = options.compression().tarFlag();
    if (flag != null) {
      argv.add(flag);
    }
    argv.add(FORCE_LOCAL);
    argv.add("-f");
    argv.add(archivePath.value());
    int index = 0;
    for (Object source : sources) {
      argv.add(PathArgument.of(source, "sources[" + index++ + "]", allowRelative).value());
    }
    return TAR.args(argv, Map.of());
  }

  /** {@link #extract(Object, Object, boolean)} with absolute paths only. */
  public static SafeCmd extract(Object archive, @Nullable Object destination) {
    return extract(archive, destination, false);
  }

  /**
   * {@code tar -x --force-local -f ARCHIVE}, followed by {@code -C DESTINATION} when a destination is given.
   * {@code tar} detects the archive's compression itself.
   *
   * @param archive the archive to read: a {@code String}, {@code Path} or {@link SafePath}
   * @param destination the directory to extract into (it must exist), or null for the working
   *     directory of the run
   * @param allowRelative accept relative paths (see {@link SafePath})
   * @throws InvalidArgumentException when a path is of another type
   * @throws InvalidPathException when {@link SafePath} refuses the archive, then the destination
   */
  public static SafeCmd extract(Object archive, @Nullable Object destination, boolean allowRelative) {
    SafePath archivePath = PathArgument.of(archive, "archive", allowRelative);
    List<String> argv = new ArrayList<>(List.of("-x", FORCE_LOCAL, "-f", archivePath.value()));
    if (destination != null) {
      argv.add("-C");
      argv.add(PathArgument.of(destination, "destination", allowRelative).value());
    }
    return TAR.args(argv, Map.of());
  }
}
