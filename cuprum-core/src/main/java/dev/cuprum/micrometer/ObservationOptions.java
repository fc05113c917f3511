package dev.cuprum.micrometer;

import dev.cuprum.InvalidArgumentException;
import org.jspecify.annotations.Nullable;

/**
 * How executors record observations.
 *
 * @param recordOutput whether output lines become observation events (span events)
 * @param maxOutputEvents the most output events recorded per command
 * @param convention the convention for {@code cuprum.exec} observations; null for
 *     {@link DefaultExecObservationConvention}
 */
public record ObservationOptions(
    boolean recordOutput, int maxOutputEvents, @Nullable ExecObservationConvention convention) {

  private static final ObservationOptions DEFAULTS = new ObservationOptions(false, 100, null);

  public ObservationOptions {
    if (maxOutputEvents < 0) {
      throw new InvalidArgumentException("maxOutputEvents must not be negative, got " + maxOutputEvents);
    }
  }

  /** No output events, at most 100 when turned on, the default convention. */
  public static ObservationOptions defaults() {
    return DEFAULTS;
  }
}
