package dev.cuprum.internal.process;

import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.RunOptions;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.internal.DefaultCommandExecutor;
import dev.cuprum.testing.TestPrograms;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every process of a run is started and ended through the executor's launcher. */
class ProcessLauncherTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final ProcessLauncher recording = new ProcessLauncher() {
    @Override
    public Process start(ProcessBuilder builder) throws IOException {
      calls.add("start " + builder.command());
      return JDK.start(builder);
    }

    @Override
    public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
      calls.add("pipeline of " + builders.size());
      return JDK.startPipeline(builders);
    }

    @Override
    public void terminate(List<Process> roots, Duration grace) {
      calls.add("terminate " + roots.size() + " after " + grace);
      JDK.terminate(roots, grace);
    }

    @Override
    public String description() {
      return "recording";
    }
  };
  private final CommandExecutor executor = DefaultCommandExecutor.builder(recording)
      .catalogue(TestPrograms.CATALOGUE).cancelGrace(Duration.ofMillis(100)).build();

  @Test
  void runsPipelinesAndTerminationsGoThroughTheLauncher() {
    executor.run(cmd(TestPrograms.TRUE));
    executor.run(cmd(TestPrograms.TRUE).pipe(cmd(TestPrograms.CAT)));
    assertThatThrownBy(() -> executor.run(sh("sleep 30"), RunOptions.builder().timeout(Duration.ofMillis(50)).build()))
        .isInstanceOf(TimeoutExpiredException.class);

    assertThat(calls).containsExactly("start [true]", "pipeline of 2", "start [sh, -c, sleep 30, sh]",
        "terminate 1 after PT0.1S");
  }
}
