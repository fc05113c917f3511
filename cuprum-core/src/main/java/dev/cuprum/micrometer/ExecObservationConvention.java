package dev.cuprum.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and keys of {@code cuprum.exec} observations; register one to change them. */
public interface ExecObservationConvention extends ObservationConvention<ExecObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ExecObservationContext;
  }
}
