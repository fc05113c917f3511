package dev.cuprum.micrometer;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Program;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsHookTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CommandExecutor executor =
      CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observeHook(new MetricsHook(registry)).build();

  private double counter(String name) {
    return registry.get(name).tag("program", "sh").tag("project", TestPrograms.PROJECT).counter().count();
  }

  @Test
  void countsExecutionsFailuresLinesAndStdin() {
    executor.run(sh("echo a; echo b; echo c >&2"));
    executor.run(sh("cat >/dev/null; exit 1"), RunOptions.builder().stdin(StdinInput.text("1234567")).build());

    assertThat(counter("cuprum.executions")).isEqualTo(2);
    assertThat(counter("cuprum.failures")).isEqualTo(1);
    assertThat(counter("cuprum.stdout.lines")).isEqualTo(2);
    assertThat(counter("cuprum.stderr.lines")).isEqualTo(1);
    assertThat(counter("cuprum.stdin.bytes")).isEqualTo(7);
    assertThat(registry.get("cuprum.duration").tag("program", "sh").timer().count()).isEqualTo(2);
  }

  @Test
  void theDurationTimerCanBeLeftOut() {
    SimpleMeterRegistry counters = new SimpleMeterRegistry();
    CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observeHook(new MetricsHook(counters, false)).build()
        .run(sh("true"));

    assertThat(counters.get("cuprum.executions").counter().count()).isEqualTo(1);
    assertThat(counters.find("cuprum.duration").timer()).isNull();
  }

  @Test
  void missingProjectIsUnknownAndStdinErrorsCount() {
    MetricsHook hook = new MetricsHook(registry);
    hook.onEvent(new ExecEvent(ExecPhase.STDIN_ERROR, Program.of("tool"), List.of("tool"), null, Map.of(), 1L,
        Instant.now(), null, null, null, Map.of("project", ""), "IOException: x", null, "write", "IOException",
        UUID.randomUUID()));
    assertThat(registry.get("cuprum.stdin.errors").tag("program", "tool").tag("project", "unknown").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("cuprum.executions").tag("program", "tool").counter().count()).isZero();
  }
}
