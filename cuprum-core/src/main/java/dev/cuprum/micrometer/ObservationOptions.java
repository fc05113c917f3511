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
 * @param recordArgv whether spans carry the argv ({@code process.command_args}, secrets masked)
 * @param propagateTraceContext whether a child's environment carries the trace context of its
 *     {@code cuprum.exec} span ({@code TRACEPARENT}, {@code TRACESTATE}, {@code BAGGAGE}) when a
 *     tracing handler propagates it; a variable the run's environment overlay sets is kept
 */
public record ObservationOptions(
    boolean recordOutput, int maxOutputEvents, @Nullable ExecObservationConvention convention, boolean recordArgv,
    boolean propagateTraceContext) {

  private static final ObservationOptions DEFAULTS = builder().build();

  public ObservationOptions {
    if (maxOutputEvents < 0) {
      throw new InvalidArgumentException("maxOutputEvents must not be negative, got " + maxOutputEvents);
    }
  }

  /**
   * No output events (at most 100 when turned on), the default convention, the masked argv on
   * spans, trace context into the child.
   */
  public static ObservationOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ObservationOptions}, starting from {@link #defaults()}. */
  public static final class Builder {

    private boolean recordOutput;
    private int maxOutputEvents = 100;
    private @Nullable ExecObservationConvention convention;
    private boolean recordArgv = true;
    private boolean propagateTraceContext = true;

    private Builder() {}

    public Builder recordOutput(boolean recordOutput) {
      this.recordOutput = recordOutput;
      return this;
    }

    public Builder maxOutputEvents(int maxOutputEvents) {
      this.maxOutputEvents = maxOutputEvents;
      return this;
    }

    public Builder convention(@Nullable ExecObservationConvention convention) {
      this.convention = convention;
      return this;
    }

    public Builder recordArgv(boolean recordArgv) {
      this.recordArgv = recordArgv;
      return this;
    }

    public Builder propagateTraceContext(boolean propagateTraceContext) {
      this.propagateTraceContext = propagateTraceContext;
      return this;
    }

    public ObservationOptions build() {
      return new ObservationOptions(recordOutput, maxOutputEvents, convention, recordArgv, propagateTraceContext);
    }
  }
}
