package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The cuprum.exec timer publishes histogram buckets unless Boot's own distribution settings say otherwise. */
class ExecTimerBucketsTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
      ObservationAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
      CuprumAutoConfiguration.class, CuprumMetricsAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

  @Test
  void theDefaultBucketsSpanTenMillisecondsToFiveMinutes() {
    runner.run(context -> assertThat(bucketsOfOneRun(context.getBean(CommandExecutor.class),
        context.getBean(ProgramCatalogue.class), context.getBean(MeterRegistry.class)))
        .containsExactly(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0));
  }

  @Test
  void bucketsAreConfigurableAndCanBeTurnedOff() {
    runner.withPropertyValues("cuprum.observations.timer-buckets=1ms,2s").run(context -> assertThat(bucketsOfOneRun(
        context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class),
        context.getBean(MeterRegistry.class))).containsExactly(0.001, 2.0));
    runner.withPropertyValues("cuprum.observations.timer-buckets=").run(context -> assertThat(bucketsOfOneRun(
        context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class),
        context.getBean(MeterRegistry.class))).isEmpty());
  }

  @Test
  void bootsDistributionSettingsForTheTimerWin() {
    runner.withPropertyValues("management.metrics.distribution.slo.cuprum.exec=3s").run(context -> assertThat(
        bucketsOfOneRun(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class),
            context.getBean(MeterRegistry.class))).containsExactly(3.0));
  }

  @Test
  void bucketsMustBePositiveAndAscending() {
    runner.withPropertyValues("cuprum.observations.timer-buckets=1s,500ms").run(context -> assertThat(context)
        .getFailure().rootCause().isInstanceOf(InvalidCuprumPropertyException.class)
        .hasMessageContaining("cuprum.observations.timer-buckets[1]"));
  }

  private static double[] bucketsOfOneRun(CommandExecutor executor, ProgramCatalogue catalogue, MeterRegistry meters) {
    executor.run(Sh.make(Programs.ECHO, catalogue).args("timed"));
    HistogramSnapshot snapshot = meters.get("cuprum.exec").timer().takeSnapshot();
    return Arrays.stream(snapshot.histogramCounts()).mapToDouble(bucket -> bucket.bucket(TimeUnit.SECONDS)).toArray();
  }

}
