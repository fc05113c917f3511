package dev.cuprum.builders;

import java.util.Objects;

/**
 * How {@link Tar#create(Object, java.util.List, TarCreateOptions)} builds an archive.
 *
 * @param compression the archive's compression; {@link Compression#NONE} by default
 * @param allowRelative accept a relative archive path and relative sources (see
 *     {@link SafePath}); false by default
 */
public record TarCreateOptions(Compression compression, boolean allowRelative) {

  private static final TarCreateOptions DEFAULTS = builder().build();

  public TarCreateOptions {
    Objects.requireNonNull(compression, "compression");
  }

  /** No compression, absolute paths only. */
  public static TarCreateOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TarCreateOptions}, starting from {@link #defaults()}. */
  public static final class Builder {

    private Compression compression = Compression.NONE;
    private boolean allowRelative;

    private Builder() {}

    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    public Builder allowRelative(boolean allowRelative) {
      this.allowRelative = allowRelative;
      return this;
    }

    public TarCreateOptions build() {
      return new TarCreateOptions(compression, allowRelative);
    }
  }
}
