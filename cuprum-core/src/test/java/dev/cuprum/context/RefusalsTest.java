package dev.cuprum.context;

import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RefusalReason;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.micrometer.MetricsHook;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A command the allowlist refuses starts nothing, but is on the record: hooks, metrics, observations. */
class RefusalsTest {

  private static final Program OUTSIDER = Program.of("od");
  private static final SafeCmd OUTSIDE_THE_CATALOGUE = Sh.make(OUTSIDER,
      ProgramCatalogue.of(ProjectSettings.builder("elsewhere").programs(OUTSIDER).build())).args("-c", Sh.secret("pw"));

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final ExecHook recorder = new ExecHook() {
    @Override
    public void onEvent(ExecEvent event) {
      told.add("event " + event.phase());
    }

    @Override
    public void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {
      told.add("refused " + cmd + " " + refusal.reason());
    }
  };

  @Test
  void theExecutorsAndTheScopesHooksAreToldWhyAndNothingElseHappens() {
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).enforceAllowlist(true)
        .observeHook(recorder).build();

    assertThatThrownBy(() -> executor.run(OUTSIDE_THE_CATALOGUE))
        .isInstanceOf(ForbiddenProgramException.class)
        .hasMessage("Program 'od' is not allowed: the executor enforces its catalogue's allowlist, which does not list it");
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(TestPrograms.CAT)
        .observeHooks(List.of(event -> told.add("scoped event"))).build())) {
      assertThatThrownBy(() -> executor.run(sh("true")))
          .isInstanceOf(ForbiddenProgramException.class)
          .hasMessage("Program 'sh' is not allowed: the allowlist of the current scope does not list it");
    }

    assertThat(told).containsExactly(
        "refused SafeCmd[program=od, argv=[-c, ******], project=elsewhere] CATALOGUE",
        "refused SafeCmd[program=sh, argv=[-c, true, sh], project=test-tools] SCOPE");
  }

  @Test
  void pipelinesAndBatchesReportTheRefusedMemberAndStartNothing() {
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).enforceAllowlist(true)
        .observeHook(recorder).build();

    assertThatThrownBy(() -> executor.run(cmd(TestPrograms.CAT).pipe(OUTSIDE_THE_CATALOGUE)))
        .isInstanceOf(ForbiddenProgramException.class);
    assertThatThrownBy(() -> executor.runConcurrent(List.of(cmd(TestPrograms.TRUE), OUTSIDE_THE_CATALOGUE),
        ConcurrentConfig.defaults())).isInstanceOf(ForbiddenProgramException.class);

    assertThat(told).containsExactly(
        "refused SafeCmd[program=od, argv=[-c, ******], project=elsewhere] CATALOGUE",
        "refused SafeCmd[program=od, argv=[-c, ******], project=elsewhere] CATALOGUE");
  }

  @Test
  void aHookThatFailsOnARefusalDoesNotReplaceIt() {
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).enforceAllowlist(true)
        .observeHook(new ExecHook() {
          @Override
          public void onEvent(ExecEvent event) {}

          @Override
          public void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {
            throw new IllegalStateException("audit store down");
          }
        })
        .observeHook(recorder).build();

    assertThatThrownBy(() -> executor.run(OUTSIDE_THE_CATALOGUE)).isInstanceOf(ForbiddenProgramException.class);
    assertThat(told).hasSize(1);
  }

  @Test
  void refusalsAreCountedByProgramAndReason() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).enforceAllowlist(true)
        .observeHook(new MetricsHook(meters)).build();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> executor.run(OUTSIDE_THE_CATALOGUE)).isInstanceOf(ForbiddenProgramException.class);
    }
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(TestPrograms.CAT).build())) {
      assertThatThrownBy(() -> executor.run(sh("true"))).isInstanceOf(ForbiddenProgramException.class);
    }

    assertThat(meters.get("cuprum.refused").tags("program", "od", "reason", "catalogue").counter().count())
        .isEqualTo(2);
    assertThat(meters.get("cuprum.refused").tags("program", "sh", "reason", "scope").counter().count()).isEqualTo(1);
    assertThat(meters.find("cuprum.executions").counter()).isNull();
  }

  @Test
  void aRefusalIsAnObservationWithoutAProcess() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).enforceAllowlist(true)
        .observationRegistry(observations).build();

    assertThatThrownBy(() -> executor.run(OUTSIDE_THE_CATALOGUE)).isInstanceOf(ForbiddenProgramException.class);

    assertThat(observations).hasSingleObservationThat()
        .hasNameEqualTo("cuprum.exec")
        .hasContextualNameEqualTo("cuprum.exec od")
        .hasLowCardinalityKeyValue("cuprum.outcome", "REFUSED")
        .hasLowCardinalityKeyValue("cuprum.exit_code", "none")
        .doesNotHaveHighCardinalityKeyValueWithKey("process.pid")
        .hasHighCardinalityKeyValue("process.command_args", "od -c ******")
        .hasHighCardinalityKeyValue("error.type", "dev.cuprum.ForbiddenProgramException")
        .hasBeenStarted().hasBeenStopped()
        .assertThatError().isInstanceOf(ForbiddenProgramException.class);
  }

  @Test
  void theReasonsNameTheirLabels() {
    assertThat(RefusalReason.CATALOGUE.tagValue()).isEqualTo("catalogue");
    assertThat(RefusalReason.SCOPE.tagValue()).isEqualTo("scope");
  }
}
