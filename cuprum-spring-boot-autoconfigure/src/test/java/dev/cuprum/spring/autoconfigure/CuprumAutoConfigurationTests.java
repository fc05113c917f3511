package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.ForbiddenEnvironmentKeyException;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.ExecHook;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.logging.LoggingHook;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@ExtendWith(OutputCaptureExtension.class)
class CuprumAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

  @Test
  void createsTheCatalogueTheExecutorAndItsTaskExecutorByDefault() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(CuprumProperties.class).hasSingleBean(ProgramCatalogue.class)
          .hasSingleBean(CommandExecutor.class).hasSingleBean(ConcurrentConfig.class).hasBean("cuprumTaskExecutor")
          .doesNotHaveBean(LoggingHook.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      assertThat(catalogue).isEqualTo(ProgramCatalogue.defaults());
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ExecutorSettings settings = executor.settings();
      assertThat(settings.catalogue()).isSameAs(catalogue);
      assertThat(settings.enforceAllowlist()).isTrue();
      assertThat(settings.defaultContext()).isEqualTo(ExecutionContext.defaults());
      assertThat(settings.pinnedPrograms()).isEmpty();
      assertThat(workerThreadOf(executor, catalogue)).startsWith("cuprum-");
      assertThat(context.getBean(ConcurrentConfig.class)).isEqualTo(ConcurrentConfig.defaults());
    });
  }

  @Test
  void resolveAtStartupPinsTheCatalogueProgramsToTheirFiles() {
    runner.withPropertyValues("cuprum.catalogue.resolve-at-startup=true").run(context -> {
      assertThat(context.getBean(CommandExecutor.class).settings().pinnedPrograms().get(Programs.ECHO)).isAbsolute();
      CommandResult result = context.getBean(CommandExecutor.class).run(Sh.make(Programs.ECHO).args("-n", "pinned"));
      assertThat(result.stdout()).isEqualTo("pinned");
    });
  }

  @Test
  void theCuprumTaskExecutorLeavesTheApplicationTaskExecutorAndInjectionByTypeAlone() {
    runner.run(context -> {
      assertThat(context).hasBean("applicationTaskExecutor");
      assertThat(context.getBean(Executor.class)).isSameAs(context.getBean("applicationTaskExecutor"));
      ThreadPoolTaskExecutor cuprum = context.getBean("cuprumTaskExecutor", ThreadPoolTaskExecutor.class);
      assertThat(cuprum.getThreadNamePrefix()).isEqualTo("cuprum-");
      assertThat(cuprum.getCorePoolSize()).isEqualTo(8);
      assertThat(cuprum.getMaxPoolSize()).isEqualTo(Integer.MAX_VALUE);
      assertThat(cuprum.getQueueCapacity()).isEqualTo(Integer.MAX_VALUE);
      assertThat(cuprum.getKeepAliveSeconds()).isEqualTo(60);
    });
  }

  @Test
  void cuprumEnabledFalseRemovesEverything() {
    runner.withPropertyValues("cuprum.enabled=false").run(context -> assertThat(context)
        .doesNotHaveBean(CuprumProperties.class).doesNotHaveBean(ProgramCatalogue.class)
        .doesNotHaveBean(CommandExecutor.class).doesNotHaveBean(ConcurrentConfig.class)
        .doesNotHaveBean("cuprumTaskExecutor").hasBean("applicationTaskExecutor"));
  }

  @Test
  void aUserCatalogueWinsAndTheExecutorUsesIt() {
    ProgramCatalogue own = ProgramCatalogue.of(ProjectSettings.builder("own").programs(Program.of("sh")).build());
    runner.withBean(ProgramCatalogue.class, () -> own).run(context -> {
      assertThat(context).hasSingleBean(ProgramCatalogue.class);
      assertThat(context.getBean(CommandExecutor.class).catalogue()).isSameAs(own);
    });
  }

  @Test
  void aUserExecutorWins() {
    CommandExecutor own = CommandExecutor.create();
    runner.withBean("ownExecutor", CommandExecutor.class, () -> own)
        .run(context -> assertThat(context.getBean(CommandExecutor.class)).isSameAs(own));
  }

  @Test
  void customizersAdjustTheExecutorInOrderAfterThePropertiesAndKeepItsWiring() {
    List<String> seen = new CopyOnWriteArrayList<>();
    runner.withPropertyValues("cuprum.defaults.timeout=90s", "cuprum.defaults.cancel-grace=2s")
        .withBean("seen", List.class, () -> seen)
        .withBean("audit", ExecHook.class, () -> event -> seen.add("bean " + event.phase()))
        .withUserConfiguration(Customizers.class)
        .run(context -> {
          CommandExecutor executor = context.getBean(CommandExecutor.class);
          // The second customizer runs last, so its timeout wins; the grace still comes from the property.
          assertThat(executor.settings().defaultContext().timeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(executor.settings().defaultContext().cancelGrace()).isEqualTo(Duration.ofSeconds(2));
          assertThat(workerThreadOf(executor, context.getBean(ProgramCatalogue.class))).startsWith("cuprum-");
          seen.clear();
          executor.run(echo(context.getBean(ProgramCatalogue.class), "customized"));
          // The hook bean joined first, the customizer's hook after it.
          assertThat(seen).containsSubsequence("bean START", "customizer START");
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {

    @Bean
    @Order(2)
    CommandExecutorCustomizer second() {
      return builder -> builder.defaultTimeout(Duration.ofSeconds(7));
    }

    @Bean
    @Order(1)
    CommandExecutorCustomizer first(List<String> seen) {
      return builder -> builder.defaultTimeout(Duration.ofSeconds(5))
          .observeHook(event -> seen.add("customizer " + event.phase()));
    }
  }

  @Test
  void aUserCuprumTaskExecutorWinsAndTheExecutorUsesIt() {
    ExecutorService own = Executors.newSingleThreadExecutor();
    try {
      runner.withBean("cuprumTaskExecutor", Executor.class, () -> own).run(context -> {
        assertThat(context.getBean("cuprumTaskExecutor")).isSameAs(own);
        assertThat(workerThreadOf(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class)))
            .isEqualTo(threadOf(own));
      });
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void executorBeanNamesAnotherExecutorAndNoCuprumTaskExecutorIsCreated() {
    ExecutorService own = Executors.newSingleThreadExecutor();
    try {
      runner.withBean("batchPool", ExecutorService.class, () -> own)
          .withPropertyValues("cuprum.task-execution.executor-bean=batchPool").run(context -> {
            assertThat(context).doesNotHaveBean("cuprumTaskExecutor");
            assertThat(workerThreadOf(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class)))
                .isEqualTo(threadOf(own));
          });
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void poolSizingIsBoundFromTaskExecutionProperties() {
    runner.withPropertyValues("cuprum.task-execution.core-size=2", "cuprum.task-execution.max-size=5",
        "cuprum.task-execution.queue-capacity=10", "cuprum.task-execution.keep-alive=30s",
        "cuprum.task-execution.thread-name-prefix=proc-").run(context -> {
          ThreadPoolTaskExecutor pool = context.getBean("cuprumTaskExecutor", ThreadPoolTaskExecutor.class);
          assertThat(pool.getCorePoolSize()).isEqualTo(2);
          assertThat(pool.getMaxPoolSize()).isEqualTo(5);
          assertThat(pool.getQueueCapacity()).isEqualTo(10);
          assertThat(pool.getKeepAliveSeconds()).isEqualTo(30);
          assertThat(pool.getThreadNamePrefix()).isEqualTo("proc-");
          String thread = context.getBean(CommandExecutor.class)
              .runAsync(echo(context.getBean(ProgramCatalogue.class), "x"), RunOptions.defaults())
              .thenApply(result -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
          assertThat(thread).startsWith("proc-");
        });
  }

  @Test
  void aContextThatSetsOnlyTheWorkingDirectoryKeepsTheConfiguredTimeoutAndGrace(@TempDir Path dir) {
    runner.withPropertyValues("cuprum.catalogue.projects.shell.programs=sh", "cuprum.defaults.timeout=300ms",
        "cuprum.defaults.cancel-grace=30s").run(context -> {
          CommandExecutor executor = context.getBean(CommandExecutor.class);
          SafeCmd script = Sh.make(Program.of("sh"), context.getBean(ProgramCatalogue.class))
              .args("-c", "trap 'sleep 2; printf handled; exit 0' TERM; pwd; while :; do sleep 0.05; done");
          ExecutionContext onlyCwd = ExecutionContext.builder().cwd(dir).build();

          TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class,
              () -> executor.run(script, RunOptions.builder().context(onlyCwd).build()));

          // The 300 ms timeout applied, and the 30 s grace let the SIGTERM handler finish, which
          // the library's 500 ms would not have.
          assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
          assertThat(timeout.stdout()).isEqualTo(dir + "\nhandled");
        });
  }

  @Test
  void defaultsAreBoundIntoTheExecutorsDefaultContext() {
    runner.withPropertyValues("cuprum.enforce-allowlist=false", "cuprum.defaults.timeout=90s",
        "cuprum.defaults.cancel-grace=2s", "cuprum.defaults.charset=ISO-8859-1", "cuprum.defaults.drain-timeout=250ms",
        "cuprum.defaults.max-capture-bytes=4MB").run(context -> {
          ExecutorSettings settings = context.getBean(CommandExecutor.class).settings();
          assertThat(settings.enforceAllowlist()).isFalse();
          assertThat(settings.defaultContext().timeout()).isEqualTo(Duration.ofSeconds(90));
          assertThat(settings.defaultContext().cancelGrace()).isEqualTo(Duration.ofSeconds(2));
          assertThat(settings.defaultContext().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
          assertThat(settings.defaultContext().drainTimeout()).isEqualTo(Duration.ofMillis(250));
          assertThat(settings.defaultContext().maxCaptureBytes()).isEqualTo(4L * 1024 * 1024);
        });
  }

  @Test
  void allowedEnvironmentKeysLetEveryRunSetThem() {
    ExecutionContext preload = ExecutionContext.builder().env(Map.of("LD_PRELOAD", "")).build();
    ExecutionContext askpass = ExecutionContext.builder().env(Map.of("SSH_ASKPASS", "/bin/false")).build();
    runner.withPropertyValues("cuprum.catalogue.projects.shell.programs=sh",
        "cuprum.defaults.allowed-env-keys=LD_PRELOAD,GIT_SSH_COMMAND").run(context -> {
          CommandExecutor executor = context.getBean(CommandExecutor.class);
          SafeCmd script = Sh.make(Program.of("sh"), context.getBean(ProgramCatalogue.class)).args("-c", "exit 0");

          assertThat(executor.settings().defaultContext().allowedEnvKeys())
              .containsExactlyInAnyOrder("LD_PRELOAD", "GIT_SSH_COMMAND");
          assertThat(executor.run(script, RunOptions.builder().context(preload).build()).ok()).isTrue();
          assertThatExceptionOfType(ForbiddenEnvironmentKeyException.class)
              .isThrownBy(() -> executor.run(script, RunOptions.builder().context(askpass).build()))
              .satisfies(e -> assertThat(e.key()).isEqualTo("SSH_ASKPASS"));
        });
    runner.withPropertyValues("cuprum.catalogue.projects.shell.programs=sh").run(context -> {
      SafeCmd script = Sh.make(Program.of("sh"), context.getBean(ProgramCatalogue.class)).args("-c", "exit 0");
      assertThatExceptionOfType(ForbiddenEnvironmentKeyException.class).isThrownBy(() -> context
          .getBean(CommandExecutor.class).run(script, RunOptions.builder().context(preload).build()));
    });
  }

  @Test
  void configuredProjectsFollowTheDefaultProjectsInDeclarationOrder() {
    runner.withPropertyValues("cuprum.catalogue.projects.media.programs=ffmpeg,/usr/bin/convert",
        "cuprum.catalogue.projects.media.documentation-locations=docs/media.md",
        "cuprum.catalogue.projects.media.noise-rules=^frame=,^size=", "cuprum.catalogue.projects.build.programs=make")
        .run(context -> {
          ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
          assertThat(catalogue.visibleSettings()).containsOnlyKeys("core-ops", "docs", "media", "build");
          assertThat(catalogue.projects()).extracting(ProjectSettings::name)
              .containsExactly("core-ops", "docs", "media", "build");
          assertThat(catalogue.visibleSettings().get("media")).isEqualTo(ProjectSettings.builder("media")
              .programs(Program.of("ffmpeg"), Program.of("/usr/bin/convert"))
              .documentationLocations("docs/media.md").noiseRules("^frame=", "^size=").build());
        });
  }

  @Test
  void includeDefaultsFalseLeavesOnlyTheConfiguredProjects() {
    runner.withPropertyValues("cuprum.catalogue.include-defaults=false", "cuprum.catalogue.projects.core-ops.programs=sh")
        .run(context -> {
          ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
          assertThat(catalogue.visibleSettings()).containsOnlyKeys("core-ops");
          assertThat(catalogue.allowlist()).containsExactly(Program.of("sh"));
        });
  }

  @Test
  void theEnforcedAllowlistRefusesProgramsOutsideTheCatalogue() {
    ProgramCatalogue wider = ProgramCatalogue.of(ProjectSettings.builder("wide").programs(Program.of("sh")).build());
    SafeCmd sh = Sh.make(Program.of("sh"), wider).args("-c", "exit 0");
    runner.run(context -> assertThatExceptionOfType(ForbiddenProgramException.class)
        .isThrownBy(() -> context.getBean(CommandExecutor.class).run(sh)));
    runner.withPropertyValues("cuprum.enforce-allowlist=false")
        .run(context -> assertThat(context.getBean(CommandExecutor.class).run(sh).ok()).isTrue());
  }

  @Test
  void concurrencyPropertiesMakeTheConcurrentConfigBean() {
    runner.withPropertyValues("cuprum.concurrency.max-concurrency=3", "cuprum.concurrency.fail-fast=true")
        .run(context -> assertThat(context.getBean(ConcurrentConfig.class))
            .isEqualTo(ConcurrentConfig.builder().concurrency(3).failFast(true).build()));
  }

  @Test
  void hookBeansRunInOrderAroundARealCommandTheFirstWrappingTheOthers() {
    runner.withUserConfiguration(OrderedHooks.class).run(context -> {
      List<String> calls = context.getBean(OrderedHooks.class).calls;
      CommandResult result = context.getBean(CommandExecutor.class)
          .run(echo(context.getBean(ProgramCatalogue.class), "hooked"));

      assertThat(result.stdout()).isEqualTo("hooked\n");
      assertThat(calls).containsExactly("PLAN outer", "PLAN inner", "before outer", "before inner", "START outer",
          "START inner", "STDOUT outer", "STDOUT inner", "EXIT outer", "EXIT inner", "after inner", "after outer");
    });
  }

  @Test
  void loggingEnabledLogsStartAndExitRecordsForCommandsThatStart(CapturedOutput output) {
    runner.withPropertyValues("cuprum.logging.enabled=true").withUserConfiguration(VetoingHook.class).run(context -> {
      assertThat(context).hasSingleBean(LoggingHook.class);
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);

      executor.run(echo(catalogue, "logged"));
      assertThatIllegalStateException().isThrownBy(() -> executor.run(echo(catalogue, "vetoed")))
          .withMessage("vetoed");

      assertThat(output).contains("cuprum.start program=echo argv=[echo, logged]")
          .contains("cuprum.exit program=echo").doesNotContain("argv=[echo, vetoed]");
    });
  }

  @Test
  void theObservationRegistryIsUsedWhenPresent() {
    runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class)).run(context -> {
      List<String> observed = new CopyOnWriteArrayList<>();
      context.getBean(ObservationRegistry.class).observationConfig().observationHandler(new ObservationHandler<>() {
        @Override
        public void onStop(Observation.Context observation) {
          observed.add(observation.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context observation) {
          return true;
        }
      });
      context.getBean(CommandExecutor.class).run(echo(context.getBean(ProgramCatalogue.class), "observed"));
      assertThat(observed).containsExactly("cuprum.exec");
    });
  }

  /** The name of the thread an async run of the executor runs its before hooks on. */
  static String workerThreadOf(CommandExecutor executor, ProgramCatalogue catalogue) {
    AtomicReference<String> worker = new AtomicReference<>();
    try (Registration hook = Cuprum.before(cmd -> worker.set(Thread.currentThread().getName()))) {
      executor.runAsync(echo(catalogue, "where"), RunOptions.defaults()).join();
    }
    return worker.get();
  }

  private static String threadOf(ExecutorService pool) throws Exception {
    return pool.submit(() -> Thread.currentThread().getName()).get();
  }

  static SafeCmd echo(ProgramCatalogue catalogue, String text) {
    return Sh.make(Programs.ECHO, catalogue).args(text);
  }

  @Configuration(proxyBeanMethods = false)
  static class OrderedHooks {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Bean
    @Order(2)
    Recorder inner() {
      return new Recorder("inner", calls);
    }

    @Bean
    @Order(1)
    Recorder outer() {
      return new Recorder("outer", calls);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class VetoingHook {

    @Bean
    BeforeHook veto() {
      return cmd -> {
        if (cmd.argv().contains("vetoed")) {
          throw new IllegalStateException("vetoed");
        }
      };
    }
  }

  record Recorder(String name, List<String> calls) implements BeforeHook, AfterHook, ExecHook {

    @Override
    public void before(SafeCmd cmd) {
      calls.add("before " + name);
    }

    @Override
    public void after(SafeCmd cmd, CommandResult result) {
      calls.add("after " + name);
    }

    @Override
    public void onEvent(ExecEvent event) {
      if (event.phase() != ExecPhase.STDIN) {
        calls.add(event.phase() + " " + name);
      }
    }
  }
}
