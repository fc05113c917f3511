package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cuprum.ExecutionContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class CuprumPropertiesTests {

  private final CuprumProperties properties = new CuprumProperties();

  @Test
  void defaultsMatchTheCoreDefaults() {
    ExecutionContext core = ExecutionContext.defaults();
    CuprumProperties.Defaults defaults = properties.getDefaults();

    assertThat(defaults.getTimeout()).isEqualTo(core.timeout()).isNull();
    assertThat(defaults.getCancelGrace()).isEqualTo(core.cancelGrace());
    assertThat(defaults.getCharset()).isEqualTo(core.charset());
    assertThat(defaults.getDrainTimeout()).isEqualTo(core.drainTimeout());
    assertThat(defaults.getMaxCaptureBytes().toBytes()).isEqualTo(core.maxCaptureBytes());
    assertThat(CuprumSettings.defaultContext(defaults).over(core)).isEqualTo(core);
  }

  @Test
  void documentedDefaults() {
    assertThat(properties.isEnabled()).isTrue();
    assertThat(properties.isEnforceAllowlist()).isTrue();
    assertThat(properties.getCatalogue().isIncludeDefaults()).isTrue();
    assertThat(properties.getCatalogue().getProjects()).isEmpty();
    assertThat(properties.getConcurrency().getMaxConcurrency()).isNull();
    assertThat(properties.getConcurrency().isFailFast()).isFalse();
    assertThat(properties.getTaskExecution().getThreadNamePrefix()).isEqualTo("cuprum-");
    assertThat(properties.getTaskExecution().getExecutorBean()).isNull();
    assertThat(properties.getTaskExecution().isPropagateContext()).isTrue();
    assertThat(properties.getObservations().isRecordOutput()).isFalse();
    assertThat(properties.getObservations().getMaxOutputEvents()).isEqualTo(100);
    assertThat(properties.getLogging().isEnabled()).isFalse();
    assertThat(properties.getHealth().getRequiredPrograms()).isNull();
    assertThat(properties.getDefaults().getAllowedEnvKeys()).isEmpty();
  }

  @Test
  void anAllowedEnvironmentKeyThatIsNoNameIsRefusedUnderItsProperty() {
    properties.getDefaults().setAllowedEnvKeys(List.of("LD_LIBRARY_PATH", "A=B"));

    assertThatExceptionOfType(InvalidCuprumPropertyException.class)
        .isThrownBy(() -> CuprumSettings.defaultContext(properties.getDefaults()))
        .satisfies(e -> {
          assertThat(e.getProperty()).isEqualTo("cuprum.defaults.allowed-env-keys[1]");
          assertThat(e.getReason()).isEqualTo("it is not an environment variable name");
        });
  }

  @Test
  void aBlankProjectNameIsRefusedUnderItsProperty() {
    properties.getCatalogue().getProjects().put(" ", new CuprumProperties.Project());

    assertThatExceptionOfType(InvalidCuprumPropertyException.class)
        .isThrownBy(() -> CuprumSettings.catalogue(properties.getCatalogue()))
        .satisfies(e -> {
          assertThat(e.getProperty()).isEqualTo("cuprum.catalogue.projects[ ]");
          assertThat(e.getReason()).isEqualTo("a project name cannot be blank");
        });
  }

  @Test
  void aBlankProgramNameIsRefusedUnderItsProperty() {
    CuprumProperties.Project tools = new CuprumProperties.Project();
    tools.setPrograms(List.of("sh", " "));
    properties.getCatalogue().getProjects().put("tools", tools);

    assertThatExceptionOfType(InvalidCuprumPropertyException.class)
        .isThrownBy(() -> CuprumSettings.catalogue(properties.getCatalogue()))
        .satisfies(e -> {
          assertThat(e.getProperty()).isEqualTo("cuprum.catalogue.projects.tools.programs[1]");
          assertThat(e.getReason()).contains("cannot be blank");
        });
  }

  @Test
  void projectKeysThatNeedBracketsGetThem() {
    assertThat(CuprumSettings.projectProperty("media-tools")).isEqualTo("cuprum.catalogue.projects.media-tools");
    assertThat(CuprumSettings.projectProperty("Media.Tools")).isEqualTo("cuprum.catalogue.projects[Media.Tools]");
  }
}
