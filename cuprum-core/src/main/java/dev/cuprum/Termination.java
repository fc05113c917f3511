package dev.cuprum;

import java.util.Locale;

/** Why Cuprum ended a process, if it did. */
public enum Termination {
  /** The process ended on its own. */
  NONE,
  /** The run's timeout elapsed. */
  TIMEOUT,
  /** The run was cancelled: its future was cancelled, its thread interrupted, or a hook failed. */
  CANCELLED,
  /** Another stage of the pipeline or command of the batch failed first. */
  FAIL_FAST;

  /** The value of the {@code termination} tag on exit events: {@code timeout}, {@code cancelled}... */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The termination whose {@link #tagValue()} this is.
   *
   * @throws IllegalArgumentException for any other string
   */
  public static Termination ofTagValue(String tagValue) {
    return valueOf(tagValue.toUpperCase(Locale.ROOT));
  }
}
