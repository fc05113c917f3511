package dev.cuprum.builders;

import org.jspecify.annotations.Nullable;

/** How {@link Tar#create(Object, java.util.List, TarCreateOptions)} compresses the archive. */
public enum Compression {

  /** A plain tar archive. */
  NONE(null),
  /** {@code -z}: gzip, needs the {@code gzip} program. */
  GZIP("-z"),
  /** {@code -j}: bzip2, needs the {@code bzip2} program. */
  BZIP2("-j"),
  /** {@code -J}: xz, needs the {@code xz} program. */
  XZ("-J");

  private final @Nullable String tarFlag;

  Compression(@Nullable String tarFlag) {
    this.tarFlag = tarFlag;
  }

  /** The flag that selects this compression in {@code tar}, or null for {@link #NONE}. */
  public @Nullable String tarFlag() {
    return tarFlag;
  }
}
