package dev.cuprum.benchmarks;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The per-line work of the line benchmarks, the same on both sides: count the line and keep a
 * reference to it, so that the JIT cannot drop the line it was given.
 */
final class LineCount implements Consumer<String> {

  private long lines;
  private @Nullable String last;

  @Override
  public void accept(String line) {
    lines++;
    last = line;
  }

  long lines() {
    return lines;
  }

  @Nullable String last() {
    return last;
  }

  void reset() {
    lines = 0;
    last = null;
  }
}
