package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import dev.cuprum.micrometer.MetricsHook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CuprumMetricsAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
      CuprumAutoConfiguration.class, CuprumMetricsAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

  @Test
  void aMeterRegistryBeanGetsTheMetricsHookAsARootObserveHook() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasSingleBean(MetricsHook.class);
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      executor.run(Sh.make(Programs.ECHO, context.getBean(ProgramCatalogue.class)).args("counted"));

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("cuprum.executions").tag("program", "echo").tag("project", "core-ops").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("cuprum.stdout.lines").tag("program", "echo").counter().count()).isEqualTo(1);
      // The cuprum.exec observation times each command; the hook's own timer is left out.
      assertThat(registry.find("cuprum.duration").timer()).isNull();
    });
  }

  @Test
  void theDurationTimerIsRecordedWhenAskedFor() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues("cuprum.metrics.duration-timer=true")
        .run(context -> {
          context.getBean(CommandExecutor.class)
              .run(Sh.make(Programs.ECHO, context.getBean(ProgramCatalogue.class)).args("timed"));
          assertThat(context.getBean(MeterRegistry.class).get("cuprum.duration").tag("program", "echo").timer().count())
              .isEqualTo(1);
        });
  }

  @Test
  void noMeterRegistryNoMetricsHook() {
    runner.run(context -> assertThat(context).hasSingleBean(CommandExecutor.class).doesNotHaveBean(MetricsHook.class));
  }

  @Test
  void withoutMicrometerCoreTheExecutorIsStillConfigured() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer.core.")).run(context -> {
      assertThat(context).hasSingleBean(CommandExecutor.class).doesNotHaveBean(MetricsHook.class);
      assertThat(context.getBean(CommandExecutor.class)
          .run(Sh.make(Programs.ECHO, context.getBean(ProgramCatalogue.class)).args("plain")).ok()).isTrue();
    });
  }

  @Test
  void aUserMetricsHookWins() {
    MetricsHook own = new MetricsHook(new SimpleMeterRegistry());
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean("ownHook", MetricsHook.class, () -> own)
        .run(context -> assertThat(context.getBean(MetricsHook.class)).isSameAs(own));
  }

  @Test
  void cuprumEnabledFalseLeavesNoMetricsHook() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues("cuprum.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(MetricsHook.class));
  }
}
