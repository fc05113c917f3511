package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutorShutdownException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.spring.autoconfigure.actuate.CuprumHealthContributorAutoConfiguration;
import dev.cuprum.spring.autoconfigure.actuate.CuprumHealthIndicator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/** The executor stops with the application context: graceful first, then nothing left behind. */
@ExtendWith(OutputCaptureExtension.class)
class CommandExecutorLifecycleTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
          CuprumHealthContributorAutoConfiguration.class))
      .withPropertyValues("cuprum.catalogue.projects.tools.programs=sh", "cuprum.defaults.cancel-grace=200ms");

  @Test
  void commandsThatFinishWithinTheWaitFinishNormallyWhenTheContextCloses() {
    runner.withPropertyValues("cuprum.shutdown.await-termination=30s").run(context -> {
      CompletableFuture<CommandResult> quick = executor(context).runAsync(sh(context, "sleep 0.3; echo done"),
          RunOptions.defaults());
      await().atMost(Duration.ofSeconds(10)).until(() -> !executor(context).runningCommands().isEmpty());

      context.close();

      assertThat(quick.get(10, TimeUnit.SECONDS).stdout()).isEqualTo("done\n");
    });
  }

  @Test
  void commandsStillRunningAfterTheWaitAreEndedAndSaidSo(CapturedOutput output) {
    String marker = "cuprum-" + UUID.randomUUID();
    runner.withPropertyValues("cuprum.shutdown.await-termination=100ms").run(context -> {
      CommandExecutor executor = executor(context);
      SafeCmd longOne = sh(context, "sleep 30; : " + marker);
      CompletableFuture<CommandResult> async = executor.runAsync(longOne, RunOptions.defaults());
      CompletableFuture<ConcurrentResult> batch = executor.runConcurrentAsync(List.of(longOne, longOne),
          ConcurrentConfig.builder().concurrency(2).build());
      await().atMost(Duration.ofSeconds(10)).until(() -> running(marker) == 3);

      context.close();

      assertThat(running(marker)).isZero();
      assertThat(executor.runningCommands()).isEmpty();
      assertThatThrownBy(async::join).hasCauseInstanceOf(ExecutorShutdownException.class);
      assertThatThrownBy(batch::join).hasCauseInstanceOf(ExecutorShutdownException.class);
      assertThat(executor.isShutdown()).isTrue();
    });
    assertThat(output).contains("Stopping the command executor: 3 commands running, waiting up to PT0.1S")
        .contains("cuprum.shutdown_ended Command [sh, -c, sleep 30; : " + marker + "]")
        .contains("cuprum.shutdown_ended Batch of 2 commands");
  }

  @Test
  void theHealthIsOutOfServiceOnceTheExecutorHasShutDown() {
    runner.withPropertyValues("cuprum.health.required-programs=sh").run(context -> {
      CuprumHealthIndicator health = context.getBean(CuprumHealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      executor(context).shutdown(Duration.ZERO);

      assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    });
  }

  @Test
  void theExecutorStopsAfterTheWebServerAndBeforeTheTaskExecutors() {
    runner.run(context -> {
      int phase = context.getBean(CommandExecutorLifecycle.class).getPhase();
      assertThat(phase).isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
          .isGreaterThan(ExecutorConfigurationSupport.DEFAULT_PHASE);
    });
  }

  @Test
  void aNegativeWaitStopsTheApplication() {
    runner.withPropertyValues("cuprum.shutdown.await-termination=-1s").run(context -> assertThat(context)
        .getFailure().rootCause().isInstanceOf(InvalidCuprumPropertyException.class)
        .hasMessageContaining("cuprum.shutdown.await-termination"));
  }

  private static CommandExecutor executor(ConfigurableApplicationContext context) {
    return context.getBean(CommandExecutor.class);
  }

  private static SafeCmd sh(ConfigurableApplicationContext context, String script) {
    return Sh.make(Program.of("sh"), context.getBean(ProgramCatalogue.class)).args("-c", script);
  }

  private static long running(String marker) {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(ProcessHandle::isAlive)
          .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false)).count();
    }
  }
}
