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

/**
 * {@code rsync} commands of the default catalogue: local copies only. Both paths pass through
 * {@link SafePath}, so neither can be read as an option or as a remote location
 * ({@code host:path}, {@code host::module}, {@code rsync://}), and no option names a remote shell:
 * the commands never start {@code ssh} nor connect to an rsync daemon.
 *
 * <p>{@link SafePath} removes trailing slashes, and rsync reads a source without one as the
 * directory itself: syncing {@code /data/src/} to {@code /backup} creates {@code /backup/src}.
 */
public final class Rsync {

  private static final CommandBuilder RSYNC = Sh.make(Programs.RSYNC);

  private Rsync() {}

  /** {@link #sync(Object, Object, RsyncOptions)} with {@link RsyncOptions#defaults()}. */
  public static SafeCmd sync(Object source, Object destination) {
    return sync(source, destination, RsyncOptions.defaults());
  }

  /**
   * {@code rsync [--archive] [--delete] [--dry-run] [--verbose] [--compress] SOURCE DESTINATION},
   * each flag present when its option is set, always in this order.
   *
   * @param source a {@code String}, {@code Path} or {@link SafePath}
   * @param destination a {@code String}, {@code Path} or {@link SafePath}
   * @throws InvalidArgumentException when a path is of another type
   * @throws InvalidPathException when {@link SafePath} refuses the source, then the destination
   *     (relative paths only with {@link RsyncOptions#allowRelative()})
   */
  public static SafeCmd sync(Object source, Object destination, RsyncOptions options) {
    Objects.requireNonNull(options, "options");
    SafePath from = PathArgument.of(source, "source", options.allowRelative());
    SafePath to = PathArgument.of(destination, "destination", options.allowRelative());
    List<String> argv = new ArrayList<>(7);
    if (options.archive()) {
      argv.add("--archive");
    }
    if (options.delete()) {
      argv.add("--delete");
    }
    if (options.dryRun()) {
      argv.add("--dry-run");
    }
    if (options.verbose()) {
      argv.add("--verbose");
    }
    if (options.compress()) {
      argv.add("--compress");
    }
    argv.add(from.value());
    argv.add(to.value());
    return RSYNC.args(argv, Map.of());
  }
}
