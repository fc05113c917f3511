package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.spring.autoconfigure.actuate.CuprumHealthContributorAutoConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class CuprumFailureAnalyzerTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
      CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
      CuprumHealthContributorAutoConfiguration.class));

  @Test
  void aNonPositiveTimeoutIsReportedWithItsProperty() {
    assertThat(analyze("cuprum.defaults.timeout=0s")).satisfies(analysis -> {
      assertThat(analysis.getDescription()).isEqualTo(
          "Cuprum cannot use the value '0s' of the property 'cuprum.defaults.timeout' (from \"cuprum.defaults.timeout\" "
              + "from property source \"mockProperties\"): the timeout must be positive.");
      assertThat(analysis.getAction())
          .isEqualTo("Set a positive duration, such as 30s, or remove the property for no time limit.");
    });
  }

  @Test
  void negativeDurationsAndSizesAreReportedWithTheirProperties() {
    assertThat(analyze("cuprum.defaults.cancel-grace=-1s").getDescription())
        .contains("'-1s' of the property 'cuprum.defaults.cancel-grace'").contains("cannot be negative");
    assertThat(analyze("cuprum.defaults.drain-timeout=-5ms").getDescription())
        .contains("'-5ms' of the property 'cuprum.defaults.drain-timeout'");
    assertThat(analyze("cuprum.defaults.max-capture-bytes=0").getDescription())
        .contains("'0' of the property 'cuprum.defaults.max-capture-bytes'").contains("must be positive");
    assertThat(analyze("cuprum.task-execution.keep-alive=-1s").getDescription())
        .contains("'-1s' of the property 'cuprum.task-execution.keep-alive'");
  }

  @Test
  void aProjectNamedLikeADefaultProjectIsReported() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.core-ops.programs=sh");
    assertThat(analysis.getDescription()).contains("'core-ops' of the property 'cuprum.catalogue.projects.core-ops'")
        .contains("the default catalogue already has a project named 'core-ops'");
    assertThat(analysis.getAction()).contains("cuprum.catalogue.include-defaults=false");
  }

  @Test
  void aProgramListedByADefaultProjectIsReportedAtItsSecondListing() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.tools.programs=sh,git");
    assertThat(analysis.getDescription())
        .contains("'git' of the property 'cuprum.catalogue.projects.tools.programs[1]'")
        .contains("already listed by the default project 'core-ops'");
    assertThat(analysis.getAction()).contains("cuprum.catalogue.include-defaults=false");
  }

  @Test
  void aProgramListedByTwoConfiguredProjectsIsReportedAtItsSecondListing() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.first.programs=sh",
        "cuprum.catalogue.projects.second.programs=make,sh");
    assertThat(analysis.getDescription()).contains("'sh' of the property 'cuprum.catalogue.projects.second.programs[1]'")
        .contains("already listed by project 'first'");
    assertThat(analysis.getAction()).isEqualTo("List the program in one project only.");
  }

  @Test
  void anInvalidNoiseRuleIsReportedWithItsIndex() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.tools.programs=sh",
        "cuprum.catalogue.projects.tools.noise-rules[0]=^ok", "cuprum.catalogue.projects.tools.noise-rules[1]=([a-z]");
    assertThat(analysis.getDescription())
        .contains("'([a-z]' of the property 'cuprum.catalogue.projects.tools.noise-rules[1]'")
        .contains("not a regular expression");
    assertThat(analysis.getAction()).contains("java.util.regex");
  }

  @Test
  void aRelativeProgramPathIsReported() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.tools.programs[0]=bin/tool");
    assertThat(analysis.getDescription())
        .contains("'bin/tool' of the property 'cuprum.catalogue.projects.tools.programs[0]'")
        .contains("relative path");
    assertThat(analysis.getAction()).contains("absolute path");
  }

  @Test
  void badConcurrencyAndPoolSizesAreReported() {
    assertThat(analyze("cuprum.concurrency.max-concurrency=0").getDescription())
        .contains("'0' of the property 'cuprum.concurrency.max-concurrency'");
    assertThat(analyze("cuprum.task-execution.core-size=4", "cuprum.task-execution.max-size=2").getDescription())
        .contains("'2' of the property 'cuprum.task-execution.max-size'").contains("core-size (4)");
    assertThat(analyze("cuprum.task-execution.core-size=0", "cuprum.task-execution.max-size=0").getDescription())
        .contains("'0' of the property 'cuprum.task-execution.max-size'");
    assertThat(analyze("cuprum.task-execution.core-size=-1").getDescription())
        .contains("'-1' of the property 'cuprum.task-execution.core-size'");
    assertThat(analyze("cuprum.task-execution.queue-capacity=-1").getDescription())
        .contains("'-1' of the property 'cuprum.task-execution.queue-capacity'");
  }

  @Test
  void aNegativeNumberOfOutputEventsIsReported() {
    assertThat(analyze("cuprum.observations.max-output-events=-1").getDescription())
        .contains("'-1' of the property 'cuprum.observations.max-output-events'");
  }

  @Test
  void anExecutorBeanThatIsMissingOrNoExecutorIsReported() {
    assertThat(analyze("cuprum.task-execution.executor-bean=nowhere").getDescription())
        .contains("'nowhere' of the property 'cuprum.task-execution.executor-bean'")
        .contains("there is no bean named 'nowhere'");
    FailureAnalysis notAnExecutor = analyze(runner.withBean("notAnExecutor", String.class, () -> "text"),
        "cuprum.task-execution.executor-bean=notAnExecutor");
    assertThat(notAnExecutor.getDescription()).contains("is a java.lang.String, not a java.util.concurrent.Executor");
  }

  @Test
  void anUnknownRequiredProgramIsReported() {
    FailureAnalysis analysis = analyze("cuprum.health.required-programs=git,ffmpeg");
    assertThat(analysis.getDescription())
        .contains("'ffmpeg' of the property 'cuprum.health.required-programs[1]'")
        .contains("not a program of the catalogue");
    assertThat(analysis.getAction()).isEqualTo("List only catalogue programs: echo, git, ls, rsync, tar, mdbook.");
  }

  @Test
  void aCatalogueBuiltInCodeThatTheCoreRefusesIsExplained() {
    ProjectSettings first = ProjectSettings.builder("first").programs(Program.of("sh")).build();
    ProjectSettings second = ProjectSettings.builder("second").programs(Program.of("sh")).build();
    FailureAnalysis analysis = analyze(runner.withBean(ProgramCatalogue.class, () -> ProgramCatalogue.of(first, second)));
    assertThat(analysis.getDescription())
        .isEqualTo("Cuprum's program catalogue lists the program 'sh' more than once; project 'first' lists it first.");
    assertThat(analysis.getAction()).isEqualTo("List every program in exactly one project of the ProgramCatalogue.");

    FailureAnalysis duplicateProject = analyze(runner.withBean(ProgramCatalogue.class,
        () -> ProgramCatalogue.of(first, ProjectSettings.builder("first").build())));
    assertThat(duplicateProject.getDescription())
        .isEqualTo("Cuprum's program catalogue has more than one project named 'first'.");

    FailureAnalysis noiseRule = analyze(runner.withBean(ProgramCatalogue.class,
        () -> ProgramCatalogue.of(ProjectSettings.builder("noisy").noiseRules("*").build())));
    assertThat(noiseRule.getDescription()).startsWith("Cuprum's program catalogue has an invalid noise rule: ")
        .contains("'*'");
    assertThat(noiseRule.getAction()).contains("project 'noisy'");
  }

  @Test
  void aMisspeltPropertyIsReportedWithTheNearestOne() {
    FailureAnalysis analysis = analyze("cuprum.defaults.timout=5s");
    assertThat(analysis.getDescription()).isEqualTo("Cuprum cannot use the value '5s' of the property "
        + "'cuprum.defaults.timout' (from \"cuprum.defaults.timout\" from property source \"mockProperties\"): "
        + "no Cuprum property has this name, so the value would be ignored.");
    assertThat(analysis.getAction()).startsWith("Did you mean 'cuprum.defaults.timeout'?");
  }

  @Test
  void aMisspeltProjectKeyIsReportedBeforeTheProjectIsFoundEmpty() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.media.program=ffmpeg",
        "cuprum.catalogue.projets.x.programs=sh");
    assertThat(analysis.getDescription()).contains("'cuprum.catalogue.projects.media.program'")
        .contains("nor has cuprum.catalogue.projets.x.programs");
    assertThat(analysis.getAction()).startsWith("Did you mean 'cuprum.catalogue.projects.media.programs'?");
  }

  @Test
  void everyDeclaredPropertyIsAccepted() {
    runner.withPropertyValues("cuprum.enabled=true", "cuprum.enforce-allowlist=true",
        "cuprum.catalogue.include-defaults=true", "cuprum.catalogue.resolve-at-startup=false",
        "cuprum.catalogue.projects.media.programs[0]=ffmpeg", "cuprum.catalogue.projects.media.noise-rules=^x",
        "cuprum.catalogue.projects.media.documentation-locations=docs/media.md", "cuprum.defaults.timeout=5s",
        "cuprum.defaults.cancel-grace=1s", "cuprum.defaults.charset=UTF-8", "cuprum.defaults.drain-timeout=1s",
        "cuprum.defaults.max-capture-bytes=1MB", "cuprum.concurrency.fail-fast=true",
        "cuprum.task-execution.core-size=2", "cuprum.observations.record-output=true",
        "cuprum.metrics.duration-timer=true", "cuprum.logging.enabled=false",
        "cuprum.health.required-programs=echo")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void propertiesOfTheProcessEnvironmentAreNotChecked() {
    runner.withSystemProperties("cuprum.unrelated=x").run(context -> assertThat(context).hasFailed());
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
        new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
            Map.of("CUPRUM_HOME", "/opt/cuprum"))))
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aProjectWithoutProgramsIsReported() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.media.documentation-locations=docs/media.md");
    assertThat(analysis.getDescription()).contains("of the property 'cuprum.catalogue.projects.media.programs'")
        .contains("the project lists no program, so it would allow nothing");
  }

  @Test
  void aProgramNameWithWhitespaceIsReported() {
    FailureAnalysis analysis = analyze("cuprum.catalogue.projects.tools.programs[0]=make tar");
    assertThat(analysis.getDescription())
        .contains("'make tar' of the property 'cuprum.catalogue.projects.tools.programs[0]'")
        .contains("a program name cannot contain whitespace");
    assertThat(analysis.getAction()).contains("[git, tar]");
  }

  @Test
  void otherFailuresAreLeftToOtherAnalyzers() {
    assertThat(new CuprumFailureAnalyzer(null).analyze(new IllegalStateException("unrelated"))).isNull();
  }

  @Test
  void theAnalyzerIsRegisteredAndReportsAFailedStartup(CapturedOutput output) {
    SpringApplication application = new SpringApplication(Minimal.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setDefaultProperties(Map.of("cuprum.defaults.cancel-grace", "-2s"));

    assertThatException().isThrownBy(application::run)
        .satisfies(failure -> assertThat(failure).hasRootCauseInstanceOf(InvalidCuprumPropertyException.class));
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Cuprum cannot use the value '-2s' of the property 'cuprum.defaults.cancel-grace'")
        .contains("Set 0 or a positive duration, such as 500ms.");
  }

  private FailureAnalysis analyze(String... properties) {
    return analyze(runner, properties);
  }

  private static FailureAnalysis analyze(ApplicationContextRunner runner, String... properties) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      MockEnvironment environment = new MockEnvironment();
      for (String property : properties) {
        int equals = property.indexOf('=');
        environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
      }
      analysis[0] = new CuprumFailureAnalyzer(environment).analyze(context.getStartupFailure());
    });
    assertThat(analysis[0]).as("analysis").isNotNull();
    return analysis[0];
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({ CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class })
  static class Minimal {}
}
