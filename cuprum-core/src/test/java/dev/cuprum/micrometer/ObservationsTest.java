package dev.cuprum.micrometer;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.ProcessStartException;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ObservationsTest {

  private final TestObservationRegistry registry = TestObservationRegistry.builder()
      .validateObservationsWithTheSameNameHavingTheSameSetOfLowCardinalityKeys(true)
      .build();
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

  ObservationsTest() {
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }
    });
  }

  private CommandExecutor executor(ObservationOptions options) {
    return CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observationRegistry(registry)
        .observationOptions(options).build();
  }

  @Test
  void handlersRegisteredAfterTheExecutorWasBuiltSeeItsCommands() {
    ObservationRegistry late = ObservationRegistry.create();
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observationRegistry(late)
        .build();
    List<String> names = new CopyOnWriteArrayList<>();
    late.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        names.add(context.getName());
      }
    });

    executor.run(cmd(CAT));

    assertThat(names).containsExactly("cuprum.exec");
  }

  @Test
  void oneObservationPerCommandWithItsKeys() {
    executor(ObservationOptions.defaults()).run(sh("echo hi; exit 3", Sh.secret("hidden")));

    assertThat(registry).hasNumberOfObservationsEqualTo(1)
        .hasSingleObservationThat()
        .hasNameEqualTo("cuprum.exec")
        .hasContextualNameEqualTo("cuprum.exec sh")
        .hasBeenStarted()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("cuprum.program", "sh")
        .hasLowCardinalityKeyValue("cuprum.project", TestPrograms.PROJECT)
        .hasLowCardinalityKeyValue("cuprum.outcome", "FAILURE")
        .hasLowCardinalityKeyValue("cuprum.exit_code", "3")
        .hasHighCardinalityKeyValue("process.executable.name", "sh")
        .hasHighCardinalityKeyValue("process.exit.code", "3")
        .hasHighCardinalityKeyValue("process.command_args", "sh -c echo hi; exit 3 sh ******")
        .hasHighCardinalityKeyValue("error.type", "3")
        .hasHighCardinalityKeyValueWithKey("process.pid")
        .hasHighCardinalityKeyValue("cuprum.cwd", "none")
        .hasHighCardinalityKeyValue("cuprum.pipeline_stage_index", "none")
        .doesNotHaveEvent("cuprum.stdout");
  }

  @Test
  void everyOutcomeButSuccessCarriesTheErrorItEndedWith() {
    CommandExecutor executor = executor(ObservationOptions.builder().recordArgv(false).build());
    executor.run(sh("true"));
    executor.run(sh("exit 4"));
    assertThatThrownBy(() -> executor.run(sh("sleep 30"), RunOptions.builder().timeout(Duration.ofMillis(100))
        .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build()).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThatThrownBy(() -> executor.run(cmd(TestPrograms.MISSING))).isInstanceOf(ProcessStartException.class);

    assertThat(stopped).extracting(context -> context.getLowCardinalityKeyValue("cuprum.outcome").getValue(),
            context -> context.getError() == null ? null : context.getError().getClass(),
            context -> context.getHighCardinalityKeyValue("error.type") == null ? null
                : context.getHighCardinalityKeyValue("error.type").getValue())
        .containsExactly(tuple("SUCCESS", null, null), tuple("FAILURE", NonZeroExitException.class, "4"),
            tuple("TIMEOUT", TimeoutExpiredException.class, "timeout"),
            tuple("ERROR", ProcessStartException.class, "dev.cuprum.ProcessStartException"));
    assertThat(stopped).allSatisfy(context -> assertThat(context.getHighCardinalityKeyValue("process.command_args"))
        .isNull());
  }

  @Test
  void outcomesCoverTimeouts() {
    CommandExecutor executor = executor(ObservationOptions.defaults());
    executor.run(sh("true"));
    assertThatThrownBy(() -> executor.run(sh("sleep 30"), RunOptions.builder().timeout(Duration.ofMillis(100))
        .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build()).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(stopped).extracting(context -> context.getLowCardinalityKeyValue("cuprum.outcome").getValue())
        .containsExactly("SUCCESS", "TIMEOUT");
  }

  @Test
  void outputLinesBecomeEventsWhenAskedUpToTheCap() {
    executor(ObservationOptions.builder().recordOutput(true).maxOutputEvents(2).build()).run(sh("echo one; echo two; echo three"));
    assertThat(registry).hasSingleObservationThat()
        .hasEvent("cuprum.stdout", "one")
        .hasEvent("cuprum.stdout", "two")
        .doesNotHaveEvent("cuprum.stdout", "three");
  }

  @Test
  void stagesAreChildrenOfThePipelineObservation() {
    executor(ObservationOptions.defaults()).run(sh("echo x").pipe(cmd(CAT)));
    List<Observation.Context> contexts = stopped;
    Observation.Context pipeline = contexts.stream().filter(c -> c.getName().equals("cuprum.pipeline")).findFirst().orElseThrow();
    assertThat(pipeline.getLowCardinalityKeyValue("cuprum.outcome").getValue()).isEqualTo("SUCCESS");
    assertThat(contexts).filteredOn(c -> c.getName().equals("cuprum.exec")).hasSize(2).allSatisfy(stage -> {
      assertThat(stage.getParentObservation()).isNotNull();
      assertThat(stage.getParentObservation().getContextView()).isSameAs(pipeline);
    });
    assertThat(contexts).filteredOn(c -> c.getName().equals("cuprum.exec"))
        .extracting(c -> c.getHighCardinalityKeyValue("cuprum.pipeline_stage_index").getValue()).containsExactly("0", "1");
  }

  @Test
  void batchCommandsAreChildrenOfTheBatchObservationOnOtherThreads() {
    executor(ObservationOptions.defaults()).runConcurrent(List.of(sh("true"), sh("true"), sh("exit 1")),
        ConcurrentConfig.builder().concurrency(2).build());
    List<Observation.Context> contexts = stopped;
    Observation.Context batch = contexts.stream().filter(c -> c.getName().equals("cuprum.batch")).findFirst().orElseThrow();
    assertThat(batch.getLowCardinalityKeyValue("cuprum.outcome").getValue()).isEqualTo("FAILURE");
    assertThat(batch.getHighCardinalityKeyValue("cuprum.batch_size").getValue()).isEqualTo("3");
    assertThat(contexts).filteredOn(c -> c.getName().equals("cuprum.exec")).hasSize(3)
        .allSatisfy(command -> assertThat(command.getParentObservation().getContextView()).isSameAs(batch));
  }

  @Test
  void theCallersObservationIsTheParent() throws Exception {
    CommandExecutor executor = executor(ObservationOptions.defaults());
    Observation parent = Observation.start("caller", registry);
    try (Observation.Scope scope = parent.openScope()) {
      executor.run(sh("true"));
      executor.runAsync(sh("true"), RunOptions.defaults()).get();
    } finally {
      parent.stop();
    }
    assertThat(stopped).filteredOn(context -> context.getName().equals("cuprum.exec")).hasSize(2)
        .allSatisfy(context -> assertThat(context.getParentObservation()).isSameAs(parent));
  }

  @Test
  void aCustomConventionRenames() {
    ExecObservationConvention custom = new ExecObservationConvention() {
      @Override
      public String getName() {
        return "shell.command";
      }

      @Override
      public io.micrometer.common.KeyValues getLowCardinalityKeyValues(ExecObservationContext context) {
        return io.micrometer.common.KeyValues.of("tool", context.program().name(), "outcome", context.outcome().name());
      }
    };
    executor(ObservationOptions.builder().convention(custom).build()).run(sh("true"));
    assertThat(registry).hasSingleObservationThat().hasNameEqualTo("shell.command")
        .hasLowCardinalityKeyValue("tool", "sh").hasLowCardinalityKeyValue("outcome", "SUCCESS");
  }
}
