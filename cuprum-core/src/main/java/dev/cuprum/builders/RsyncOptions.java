package dev.cuprum.builders;

/**
 * Which flags {@link Rsync#sync(Object, Object, RsyncOptions)} passes, and whether it accepts
 * relative paths. All false by default.
 *
 * @param archive {@code --archive}: recurse and keep permissions, times, owners and links
 * @param delete {@code --delete}: remove files from the destination that the source lacks
 * @param dryRun {@code --dry-run}: report what would change, change nothing
 * @param verbose {@code --verbose}: list what is transferred
 * @param compress {@code --compress}: compress data in transit
 * @param allowRelative accept relative source and destination paths (see {@link SafePath})
 */
public record RsyncOptions(
    boolean archive, boolean delete, boolean dryRun, boolean verbose, boolean compress, boolean allowRelative) {

  private static final RsyncOptions DEFAULTS = builder().build();

  /** Every flag off, absolute paths only. */
  public static RsyncOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RsyncOptions}, starting from {@link #defaults()}. */
  public static final class Builder {

    private boolean archive;
    private boolean delete;
    private boolean dryRun;
    private boolean verbose;
    private boolean compress;
    private boolean allowRelative;

    private Builder() {}

    public Builder archive(boolean archive) {
      this.archive = archive;
      return this;
    }

    public Builder delete(boolean delete) {
      this.delete = delete;
      return this;
    }

    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    public Builder compress(boolean compress) {
      this.compress = compress;
      return this;
    }

    public Builder allowRelative(boolean allowRelative) {
      this.allowRelative = allowRelative;
      return this;
    }

    public RsyncOptions build() {
      return new RsyncOptions(archive, delete, dryRun, verbose, compress, allowRelative);
    }
  }
}
