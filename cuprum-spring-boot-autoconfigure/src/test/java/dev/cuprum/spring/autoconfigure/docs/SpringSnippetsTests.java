package dev.cuprum.spring.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The guide's Spring examples, in a context configured by the guide's application.yml. */
@ExtendWith(OutputCaptureExtension.class)
class SpringSnippetsTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(new DocsApplication())
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
      .withUserConfiguration(ToolVersions.class, CommandHooks.class);

  @Test
  void theGuidesPropertiesShapeTheCatalogueAndTheExecutor() {
    runner.run(context -> {
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      assertThat(catalogue.visibleSettings()).containsOnlyKeys("release-tools");
      assertThat(catalogue.allowlist()).containsExactly(Programs.GIT, Programs.TAR);
      assertThat(catalogue.lookup(Programs.GIT).project().noiseRules()).containsExactly("^remote: ");
      // The default projects are left out and the allowlist is enforced: echo may not run.
      assertThatThrownBy(() -> context.getBean(CommandExecutor.class).run(Sh.make(Programs.ECHO).args("x")))
          .isInstanceOf(ForbiddenProgramException.class);
      assertThat(context.getBean(CommandExecutor.class).settings().defaultContext().timeout())
          .isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void theServiceRunsCommandsThroughTheStartersBeans() {
    runner.run(context -> {
      ToolVersions versions = context.getBean(ToolVersions.class);
      assertThat(versions.version(Programs.GIT)).startsWith("git version ");
      assertThat(versions.versions(List.of(Programs.TAR, Programs.GIT)))
          .satisfiesExactly(tar -> assertThat(tar).startsWith("tar "), git -> assertThat(git).startsWith("git "));
      assertThatThrownBy(() -> versions.version(Program.of("python3"))).isInstanceOf(RuntimeException.class);
    });
  }

  @Test
  void theHookBeansJoinTheExecutor() {
    runner.run(context -> {
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      assertThatThrownBy(() -> executor.run(Sh.make(Programs.GIT, catalogue).args("push", "--force")))
          .isInstanceOf(SecurityException.class).hasMessage("git --force is not allowed");
      assertThat(executor.run(Sh.make(Programs.GIT, catalogue).args("--version")).ok()).isTrue();
    });
  }

  @Test
  void theAuditHookRecordsEveryOutcome(CapturedOutput output) {
    runner.run(context -> {
      CommandExecutor executor = context.getBean(CommandExecutor.class);
      ProgramCatalogue catalogue = context.getBean(ProgramCatalogue.class);
      executor.run(Sh.make(Programs.GIT, catalogue).args("--version"));
      // A timeout that has already elapsed ends the process as soon as it has started.
      assertThatThrownBy(() -> executor.run(Sh.make(Programs.GIT, catalogue).args("version"),
          RunOptions.builder().timeout(Duration.ZERO).build())).isInstanceOf(TimeoutExpiredException.class);
      assertThatThrownBy(() -> executor.run(Sh.make(Programs.ECHO).args("x")))
          .isInstanceOf(ForbiddenProgramException.class);
    });
    assertThat(output).contains("argv=[git, --version] exit_code=0 termination=NONE")
        .containsPattern("argv=\\[git, version\\] exit_code=\\d+ termination=TIMEOUT")
        .contains("refused argv=[echo, x] reason=CATALOGUE");
  }
}
