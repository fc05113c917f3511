package dev.cuprum.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProgramLocator;
import dev.cuprum.Programs;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import dev.cuprum.spring.autoconfigure.actuate.CuprumEndpoint.CuprumDescriptor;
import dev.cuprum.spring.autoconfigure.actuate.CuprumEndpoint.ProgramDescriptor;
import dev.cuprum.spring.autoconfigure.actuate.CuprumEndpoint.RunningCommandDescriptor;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CuprumActuatorAutoConfigurationTests {

  private static final String MISSING = "cuprum-no-such-program";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
          CuprumEndpointAutoConfiguration.class, CuprumHealthContributorAutoConfiguration.class,
          CuprumInfoContributorAutoConfiguration.class))
      .withPropertyValues("management.endpoints.web.exposure.include=cuprum");

  @Test
  void theEndpointReportsTheLauncherTheLauncherPropertyChose() {
    runner.withPropertyValues("cuprum.launcher=jdk").run(context -> {
      assertThat(context.getBean(CuprumEndpoint.class).cuprum().launcher()).isEqualTo("jdk: ProcessBuilder");
    });
    runner.withPropertyValues("cuprum.launcher=native").run(context -> {
      assertThat(context.getBean(CuprumEndpoint.class).cuprum().launcher())
          .startsWith(Runtime.version().feature() >= 22 ? "native: posix_spawn" : "jdk: ProcessBuilder (the native");
    });
  }

  @Test
  void theEndpointReportsTheCatalogueWithResolvedPathsTheDefaultsAndEnforcement() {
    runner.withPropertyValues("cuprum.catalogue.projects.tools.programs=sh," + MISSING,
        "cuprum.catalogue.projects.tools.noise-rules=^note", "cuprum.defaults.timeout=45s").run(context -> {
          CuprumDescriptor report = context.getBean(CuprumEndpoint.class).cuprum();

          assertThat(report.launcher()).isEqualTo(context.getBean(CommandExecutor.class).launcher())
              .startsWith(Runtime.version().feature() >= 22 ? "" : "jdk: ProcessBuilder (the native launcher needs JDK 22");
          assertThat(report.enforceAllowlist()).isTrue();
          assertThat(report.allowlist()).containsExactly("echo", "git", "ls", "rsync", "tar", "mdbook", "sh", MISSING);
          assertThat(report.projects()).containsOnlyKeys("core-ops", "docs", "tools");
          List<ProgramDescriptor> tools = report.projects().get("tools").programs();
          assertThat(tools).extracting(ProgramDescriptor::name).containsExactly("sh", MISSING);
          assertThat(tools.get(0).path()).startsWith("/").endsWith("/sh");
          assertThat(tools.get(1).path()).isNull();
          assertThat(report.projects().get("tools").noiseRules()).containsExactly("^note");
          assertThat(report.defaults()).isNotNull();
          assertThat(report.defaults().timeout()).isEqualTo("PT45S");
          assertThat(report.defaults().cancelGrace()).isEqualTo("PT0.5S");
          assertThat(report.defaults().charset()).isEqualTo("UTF-8");
          assertThat(report.running()).isEmpty();
        });
  }

  @Test
  void theEndpointListsRunningCommandsWithMaskedArguments() {
    runner.withPropertyValues("cuprum.catalogue.projects.tools.programs=sh").run(context -> {
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      CompletableFuture<CommandResult> sleeping = executor.runAsync(
          Sh.make(Program.of("sh"), catalogue).args("-c", "sleep 30", "sleeper", Sh.secret("hunter2")),
          RunOptions.defaults());
      try {
        CuprumEndpoint endpoint = context.getBean(CuprumEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !endpoint.cuprum().running().isEmpty());

        RunningCommandDescriptor running = endpoint.cuprum().running().get(0);
        assertThat(running.program()).isEqualTo("sh");
        assertThat(running.pid()).isPositive();
        assertThat(running.argv()).containsExactly("sh", "-c", "sleep 30", "sleeper", "******");
        assertThat(Duration.parse(running.elapsed()).isNegative()).isFalse();
      } finally {
        sleeping.cancel(true);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> executor.runningCommands().isEmpty());
    });
  }

  @Test
  void theEndpointNeedsToBeExposedAndAccessible() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
            CuprumEndpointAutoConfiguration.class))
        .run(context -> assertThat(context).hasSingleBean(CommandExecutor.class).doesNotHaveBean(CuprumEndpoint.class));
    runner.withPropertyValues("management.endpoint.cuprum.access=NONE")
        .run(context -> assertThat(context).doesNotHaveBean(CuprumEndpoint.class));
  }

  @Test
  void healthIsUpWhenEveryRequiredProgramResolvesAndListsTheOthers() {
    runner.withPropertyValues("cuprum.catalogue.include-defaults=false",
        "cuprum.catalogue.projects.tools.programs=sh," + MISSING, "cuprum.health.required-programs=sh").run(context -> {
          Health health = context.getBean("cuprumHealthIndicator", CuprumHealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("missingRequired", List.of())
              .containsEntry("missingOptional", List.of(MISSING));
          Map<String, Map<String, Object>> programs = programs(health);
          assertThat(programs).containsOnlyKeys("sh", MISSING);
          assertThat(programs.get("sh")).containsEntry("project", "tools").containsEntry("required", true)
              .hasEntrySatisfying("path", path -> assertThat(path).asString().endsWith("/sh"));
          assertThat(programs.get(MISSING)).containsEntry("required", false).containsEntry("path", null);
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> programs(Health health) {
    return (Map<String, Map<String, Object>>) health.getDetails().get("programs");
  }

  @Test
  void healthIsDownWhenARequiredProgramIsMissingAndEveryProgramIsRequiredByDefault() {
    runner.withPropertyValues("cuprum.catalogue.include-defaults=false",
        "cuprum.catalogue.projects.tools.programs=sh," + MISSING).run(context -> {
          Health health = context.getBean(CuprumHealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("missingRequired", List.of(MISSING))
              .containsEntry("missingOptional", List.of());
        });
  }

  @Test
  void healthCanBeSwitchedOff() {
    runner.withPropertyValues("management.health.cuprum.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(CuprumHealthIndicator.class));
  }

  @Test
  void theInfoContributorSummarisesTheCatalogue() {
    runner.withPropertyValues("cuprum.catalogue.projects.tools.programs=sh").run(context -> {
      Info.Builder builder = new Info.Builder();
      context.getBean(CuprumInfoContributor.class).contribute(builder);

      assertThat(builder.build().getDetails()).containsEntry("cuprum", Map.of("programs", 7, "projects",
          Map.of("core-ops", List.of("echo", "git", "ls", "rsync", "tar"), "docs", List.of("mdbook"), "tools",
              List.of("sh"))));
    });
    runner.withPropertyValues("management.info.cuprum.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(CuprumInfoContributor.class));
  }

  @Test
  void withoutActuatorOnlyTheCoreBeansAreConfigured() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.", "org.springframework.boot.health."))
        .run(context -> assertThat(context).hasSingleBean(CommandExecutor.class).hasSingleBean(ProgramCatalogue.class)
            .doesNotHaveBean(CuprumEndpoint.class).doesNotHaveBean(CuprumHealthIndicator.class)
            .doesNotHaveBean(CuprumInfoContributor.class));
  }

  @Test
  void cuprumEnabledFalseRemovesTheActuatorBeansToo() {
    runner.withPropertyValues("cuprum.enabled=false").withBean(CommandExecutor.class, CommandExecutor::create)
        .withBean(ProgramCatalogue.class, ProgramCatalogue::defaults)
        .run(context -> assertThat(context).doesNotHaveBean(CuprumEndpoint.class)
            .doesNotHaveBean(CuprumHealthIndicator.class).doesNotHaveBean(CuprumInfoContributor.class));
  }

  @Test
  void aUserCatalogueAndExecutorAreWhatTheActuatorReports() {
    ProgramCatalogue own = ProgramCatalogue.of(ProjectSettings.builder("own").programs(Program.of("sh")).build());
    // Not enforcing, unlike every executor the starter builds: the report must show this one.
    CommandExecutor executor = CommandExecutor.builder().catalogue(own).enforceAllowlist(false).build();
    runner.withBean(ProgramCatalogue.class, () -> own).withBean(CommandExecutor.class, () -> executor).run(context -> {
      CuprumDescriptor report = context.getBean(CuprumEndpoint.class).cuprum();
      assertThat(report.allowlist()).containsExactly("sh");
      assertThat(report.enforceAllowlist()).isFalse();
      assertThat(context.getBean(CuprumHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void aWrappedExecutorReportsTheSettingsOfTheExecutorItWraps() {
    CommandExecutor real = CommandExecutor.builder().catalogue(ProgramCatalogue.defaults()).enforceAllowlist(true)
        .defaultTimeout(Duration.ofSeconds(12)).build();
    CommandExecutor wrapped = (CommandExecutor) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CommandExecutor.class}, (proxy, method, args) -> method.invoke(real, args));
    runner.withBean(CommandExecutor.class, () -> wrapped).run(context -> {
      CuprumDescriptor report = context.getBean(CuprumEndpoint.class).cuprum();
      assertThat(report.enforceAllowlist()).isTrue();
      assertThat(report.defaults().timeout()).isEqualTo("PT12S");
    });
  }

  @Test
  void pinnedProgramsReportTheFileThatRunsNotWhatThePathFindsNow(@TempDir Path elsewhere) throws Exception {
    Path impostor = Files.createFile(elsewhere.resolve("echo"));
    Files.setPosixFilePermissions(impostor, PosixFilePermissions.fromString("rwxr-xr-x"));
    CommandExecutor pinned = CommandExecutor.builder().catalogue(ProgramCatalogue.defaults()).pinPrograms(true).build();
    Path pinnedEcho = pinned.settings().pinnedPrograms().get(Programs.ECHO);
    ProgramLocator changedPath = ProgramLocator.forSearchPath(elsewhere.toString());

    CuprumDescriptor report = new CuprumEndpoint(pinned, changedPath).cuprum();
    ProgramDescriptor echo = report.projects().get("core-ops").programs().get(0);
    assertThat(echo.name()).isEqualTo("echo");
    assertThat(echo.path()).isEqualTo(pinnedEcho.toString()).isNotEqualTo(impostor.toString());
    assertThat(echo.pinned()).isTrue();

    Map<String, Map<String, Object>> programs =
        programs(new CuprumHealthIndicator(pinned, List.of(Programs.ECHO), changedPath).health());
    assertThat(programs.get("echo")).containsEntry("path", pinnedEcho.toString()).containsEntry("pinned", true);
  }

  @Test
  void healthIsDownWhenTheCatalogueListsNothing() {
    CommandExecutor empty = CommandExecutor.builder().catalogue(ProgramCatalogue.of(List.of())).build();
    Health health = new CuprumHealthIndicator(empty, List.of(), ProgramLocator.fromEnvironment()).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("reason", "the catalogue lists no program");
  }
}
