package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Sh;
import dev.cuprum.micrometer.MetricsHook;
import dev.cuprum.micrometer.ObservationOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

/** The guide's section on metrics and observations without Spring. */
class TelemetrySnippets {

  @Test
  void metricsAndObservations() {
    // tag::telemetry[]
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    // Timers for the observations; add a tracing handler to get spans as well.
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

    CommandExecutor executor = CommandExecutor.builder()
        .catalogue(CATALOGUE)
        .observeHook(new MetricsHook(meters))                // cuprum.executions, cuprum.failures...
        .observationRegistry(observations)                  // cuprum.exec, cuprum.pipeline, cuprum.batch
        .observationOptions(ObservationOptions.builder()
            .recordOutput(true).maxOutputEvents(20).build())  // up to 20 output lines as events
        .build();
    executor.run(Sh.make(ECHO).args("measured"));

    meters.get("cuprum.executions").tag("program", "echo").counter().count();       // 1.0
    meters.get("cuprum.exec").tag("cuprum.outcome", "SUCCESS").timer().count();     // 1
    // end::telemetry[]
    assertThat(meters.get("cuprum.executions").tag("program", "echo").tag("project", "core-ops").counter().count())
        .isEqualTo(1.0);
    assertThat(meters.get("cuprum.exec").tag("cuprum.outcome", "SUCCESS").tag("cuprum.program", "echo")
        .tag("cuprum.exit_code", "0").timer().count()).isEqualTo(1);
    assertThat(meters.get("cuprum.duration").timer().count()).isEqualTo(1);
  }
}
