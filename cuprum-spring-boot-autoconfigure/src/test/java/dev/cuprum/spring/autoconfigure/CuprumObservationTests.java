package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Pipeline;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.micrometer.DefaultExecObservationConvention;
import dev.cuprum.micrometer.ExecObservationContext;
import dev.cuprum.micrometer.ExecObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The observations of commands run through the auto-configured executor, and the spans they become. */
class CuprumObservationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
      .withPropertyValues("cuprum.catalogue.projects.tools.programs=sh,tr")
      .withBean(TestObservationRegistry.class, TestObservationRegistry::create);

  @Test
  void everyCommandIsACuprumExecObservation() {
    runner.run(context -> {
      run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class));

      TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
          .hasNumberOfObservationsWithNameEqualTo("cuprum.exec", 1)
          .hasObservationWithNameEqualTo("cuprum.exec").that()
          .hasContextualNameEqualTo("cuprum.exec echo")
          .hasLowCardinalityKeyValue("cuprum.program", "echo")
          .hasLowCardinalityKeyValue("cuprum.project", "core-ops")
          .hasLowCardinalityKeyValue("cuprum.outcome", "SUCCESS")
          .hasLowCardinalityKeyValue("cuprum.exit_code", "0")
          .hasHighCardinalityKeyValue("process.command_args", "echo observed")
          .hasHighCardinalityKeyValueWithKey("process.pid")
          .hasBeenStarted().hasBeenStopped();
    });
  }

  @Test
  void pipelinesAndBatchesGetAParentObservation() {
    runner.run(context -> {
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      executor.run(Pipeline.of(Sh.make(Programs.ECHO, catalogue).args("piped"),
          Sh.make(Program.of("tr"), catalogue).args("a-z", "A-Z")));
      executor.runConcurrent(List.of(Sh.make(Programs.ECHO, catalogue).args("a"),
          Sh.make(Programs.ECHO, catalogue).args("b")), ConcurrentConfig.defaults());

      TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
          .hasNumberOfObservationsWithNameEqualTo("cuprum.pipeline", 1)
          .hasNumberOfObservationsWithNameEqualTo("cuprum.batch", 1)
          .hasNumberOfObservationsWithNameEqualTo("cuprum.exec", 4)
          .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
              .filteredOn(observed -> observed.getName().equals("cuprum.exec"))
              .extracting(observed -> observed.getParentObservation().getContextView().getName())
              .containsExactlyInAnyOrder("cuprum.pipeline", "cuprum.pipeline", "cuprum.batch", "cuprum.batch"));
    });
  }

  @Test
  void recordOutputTurnsLinesIntoEventsUpToTheLimit() {
    runner.withPropertyValues("cuprum.observations.record-output=true", "cuprum.observations.max-output-events=2")
        .run(context -> {
          SimpleTracer tracer = new SimpleTracer();
          context.getBean(TestObservationRegistry.class).observationConfig()
              .observationHandler(new DefaultTracingObservationHandler(tracer));

          context.getBean(CommandExecutor.class).run(Sh.make(Program.of("sh"), context.getBean(ProgramCatalogue.class))
              .args("-c", "echo one; echo two; echo three"));

          SimpleSpan span = tracer.onlySpan();
          assertThat(span.getName()).isEqualTo("cuprum.exec sh");
          assertThat(span.getTags()).containsEntry("cuprum.program", "sh").containsEntry("cuprum.outcome", "SUCCESS");
          assertThat(span.getEvents()).extracting(Map.Entry::getValue).containsExactly("one", "two");
        });
  }

  @Test
  void outputIsNotRecordedByDefault() {
    runner.run(context -> {
      SimpleTracer tracer = new SimpleTracer();
      context.getBean(TestObservationRegistry.class).observationConfig()
          .observationHandler(new DefaultTracingObservationHandler(tracer));

      run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class));

      assertThat(tracer.onlySpan().getName()).isEqualTo("cuprum.exec echo");
      assertThat(tracer.onlySpan().getEvents()).isEmpty();
    });
  }

  @Test
  void spansOfCommandsAreChildrenOfTheCallersSpan() {
    runner.run(context -> {
      SimpleTracer tracer = new SimpleTracer();
      ObservationRegistry registry = context.getBean(TestObservationRegistry.class);
      registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));

      Observation.createNotStarted("request", registry)
          .observe(() -> run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class)));

      SimpleSpan request = tracer.getSpans().stream().filter(span -> span.getName().equals("request")).findFirst()
          .orElseThrow();
      SimpleSpan command = tracer.getSpans().stream().filter(span -> span.getName().equals("cuprum.exec echo"))
          .findFirst().orElseThrow();
      assertThat(command.getParentId()).isEqualTo(request.getSpanId());
      assertThat(command.getTraceId()).isEqualTo(request.getTraceId());
    });
  }

  @Test
  void anExecObservationConventionBeanReplacesTheDefaultNames() {
    runner.withBean(ExecObservationConvention.class, RenamingConvention::new).run(context -> {
      run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class));

      TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
          .hasObservationWithNameEqualTo("jobs.exec").that().hasContextualNameEqualTo("run echo")
          .hasLowCardinalityKeyValue("tool", "echo");
    });
  }

  @Test
  void withoutAnObservationRegistryCommandsRunUnobserved() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
        .run(context -> {
          assertThat(context).doesNotHaveBean(ObservationRegistry.class);
          run(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class));
        });
  }

  private static void run(CommandExecutor executor, ProgramCatalogue catalogue) {
    assertThat(executor.run(Sh.make(Programs.ECHO, catalogue).args("observed")).ok()).isTrue();
  }

  static final class RenamingConvention extends DefaultExecObservationConvention {

    @Override
    public String getName() {
      return "jobs.exec";
    }

    @Override
    public String getContextualName(ExecObservationContext context) {
      return "run " + context.program().name();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecObservationContext context) {
      return KeyValues.of("tool", context.program().name());
    }
  }
}
