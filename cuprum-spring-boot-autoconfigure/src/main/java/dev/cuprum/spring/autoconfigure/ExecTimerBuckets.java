package dev.cuprum.spring.autoconfigure;

import dev.cuprum.micrometer.DefaultExecObservationConvention;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gives the {@code cuprum.exec} timer histogram buckets ({@code cuprum.observations.timer-buckets}),
 * so that Prometheus can compute latency percentiles across instances with
 * {@code histogram_quantile}. A timer whose buckets or percentile histogram Boot's
 * {@code management.metrics.distribution.*} settings already configure is left as they say.
 */
final class ExecTimerBuckets implements MeterFilter {

  private final double[] boundaries;

  ExecTimerBuckets(List<Duration> buckets) {
    this.boundaries = buckets.stream().mapToDouble(Duration::toNanos).toArray();
  }

  @Override
  public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (boundaries.length == 0 || id.getType() != Meter.Type.TIMER
        || !id.getName().equals(DefaultExecObservationConvention.NAME)
        || config.getServiceLevelObjectiveBoundaries() != null || config.isPercentileHistogram() != null) {
      return config;
    }
    return DistributionStatisticConfig.builder().serviceLevelObjectives(boundaries).build().merge(config);
  }
}
