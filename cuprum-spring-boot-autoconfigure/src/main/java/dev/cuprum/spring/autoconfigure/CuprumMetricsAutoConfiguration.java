package dev.cuprum.spring.autoconfigure;

import dev.cuprum.micrometer.MetricsHook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Cuprum's execution counters: a {@link MetricsHook} for the
 * application's {@link MeterRegistry}, which joins the command executor's root observe hooks
 * like any other {@code ExecHook} bean. Its {@code cuprum.duration} timer is left out unless
 * {@code cuprum.metrics.duration-timer} is set: the {@code cuprum.exec} observation times every
 * command already. A {@code MeterFilter} gives that timer the histogram buckets of
 * {@code cuprum.observations.timer-buckets}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "cuprum.enabled", matchIfMissing = true)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(CuprumProperties.class)
public final class CuprumMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MetricsHook cuprumMetricsHook(MeterRegistry meterRegistry, CuprumProperties properties) {
    return new MetricsHook(meterRegistry, properties.getMetrics().isDurationTimer());
  }

  @Bean
  @ConditionalOnMissingBean(name = "cuprumExecTimerBuckets")
  MeterFilter cuprumExecTimerBuckets(CuprumProperties properties) {
    return new ExecTimerBuckets(CuprumSettings.timerBuckets(properties.getObservations().getTimerBuckets()));
  }
}
