package dev.cuprum.internal.observation;

import dev.cuprum.micrometer.CuprumObservationDocumentation;
import dev.cuprum.micrometer.CuprumObservationDocumentation.CompositeHighCardinalityKeys;
import dev.cuprum.micrometer.CuprumObservationDocumentation.CompositeLowCardinalityKeys;
import dev.cuprum.micrometer.ExecOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The parent observations of pipelines and batches. Their commands' {@code cuprum.exec}
 * observations become children by running while the parent is the current observation.
 */
public final class CompositeObservations {

  private CompositeObservations() {}

  /** Starts a {@code cuprum.pipeline} observation under the current one. */
  public static Observation startPipeline(ObservationRegistry registry, int stages) {
    return CuprumObservationDocumentation.PIPELINE.observation(registry)
        .lowCardinalityKeyValue(CompositeLowCardinalityKeys.OUTCOME.withValue(ExecOutcome.UNKNOWN.name()))
        .highCardinalityKeyValue(CompositeHighCardinalityKeys.PIPELINE_STAGES.withValue(Integer.toString(stages)))
        .start();
  }

  /** Starts a {@code cuprum.batch} observation under the current one. */
  public static Observation startBatch(ObservationRegistry registry, int size, @Nullable Integer concurrency) {
    return CuprumObservationDocumentation.BATCH.observation(registry)
        .lowCardinalityKeyValue(CompositeLowCardinalityKeys.OUTCOME.withValue(ExecOutcome.UNKNOWN.name()))
        .highCardinalityKeyValue(CompositeHighCardinalityKeys.BATCH_SIZE.withValue(Integer.toString(size)))
        .highCardinalityKeyValue(CompositeHighCardinalityKeys.CONCURRENCY
            .withValue(concurrency == null ? "none" : concurrency.toString()))
        .start();
  }

  /** Stops a pipeline or batch observation with its outcome and, if it failed, the error. */
  public static void stop(Observation observation, ExecOutcome outcome, @Nullable Throwable error) {
    observation.lowCardinalityKeyValue(CompositeLowCardinalityKeys.OUTCOME.withValue(outcome.name()));
    if (error != null) {
      observation.error(error);
    }
    observation.stop();
  }
}
