package dev.cuprum.internal.util;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as messages and span attributes print them: exact seconds, no trailing zeros. */
public final class Seconds {

  private Seconds() {}

  /** {@code 0.5} for 500 ms, {@code 30} for 30 s; exact for any duration. */
  public static String of(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }
}
