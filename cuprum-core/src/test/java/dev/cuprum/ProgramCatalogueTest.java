package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramCatalogueTest {

  private final ProgramCatalogue defaults = ProgramCatalogue.defaults();

  @Test
  void defaultCatalogueHasTheTwoProjectsOfTheSpec() {
    assertThat(defaults.visibleSettings().keySet()).containsExactly("core-ops", "docs");
    ProjectSettings coreOps = defaults.visibleSettings().get("core-ops");
    assertThat(coreOps.programs()).containsExactly(Programs.ECHO, Programs.GIT, Programs.LS, Programs.RSYNC, Programs.TAR);
    assertThat(coreOps.documentationLocations()).containsExactly("docs/users-guide.md#program-catalogue");
    assertThat(coreOps.noiseRules()).containsExactly("^progress:", "^note:");
    ProjectSettings docs = defaults.visibleSettings().get("docs");
    assertThat(docs.programs()).containsExactly(Programs.MDBOOK);
    assertThat(docs.documentationLocations()).containsExactly("https://docs.example.invalid/cuprum/catalogue");
    assertThat(docs.noiseRules()).containsExactly("^\\[INFO\\]");
    assertThat(defaults.allowlist())
        .containsExactly(Programs.ECHO, Programs.GIT, Programs.LS, Programs.RSYNC, Programs.TAR, Programs.MDBOOK);
  }

  @Test
  void lookupReturnsTheEntryWithItsProject() {
    ProgramEntry echo = defaults.lookup(Programs.ECHO);
    assertThat(echo.program()).isEqualTo(Programs.ECHO);
    assertThat(echo.project().name()).isEqualTo("core-ops");
    assertThat(defaults.lookup(Program.of("mdbook")).project().name()).isEqualTo("docs");
    assertThat(defaults.projectFor(Programs.GIT).name()).isEqualTo("core-ops");
  }

  @Test
  void unknownProgramIsRejectedNamingIt() {
    assertThatThrownBy(() -> defaults.lookup(Program.of("unknown-tool")))
        .isInstanceOf(UnknownProgramException.class)
        .hasMessage("Program 'unknown-tool' is not in the catalogue allowlist")
        .satisfies(e -> assertThat(((UnknownProgramException) e).program()).isEqualTo(Program.of("unknown-tool")));
    assertThatThrownBy(() -> defaults.projectFor(Program.of("unknown-tool"))).isInstanceOf(UnknownProgramException.class);
  }

  @Test
  void isAllowedAcceptsProgramsAndNamesAndNeverThrows() {
    assertThat(defaults.isAllowed("ls")).isTrue();
    assertThat(defaults.isAllowed(Programs.LS)).isTrue();
    assertThat(defaults.isAllowed("definitely-not-allowed")).isFalse();
    assertThat(defaults.isAllowed("")).isFalse();
    assertThat(defaults.isAllowed("a\0b")).isFalse();
  }

  @Test
  void visibleSettingsIsReadOnlyAndAlwaysTheSameView() {
    Map<String, ProjectSettings> settings = defaults.visibleSettings();
    assertThat(defaults.visibleSettings()).isSameAs(settings);
    assertThatThrownBy(() -> settings.put("x", settings.get("docs"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> defaults.allowlist().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void duplicateProjectNamesWinOverDuplicatePrograms() {
    ProjectSettings first = ProjectSettings.builder("ops").programs(Program.of("a")).build();
    ProjectSettings second = ProjectSettings.builder("other").programs(Program.of("a")).build();
    ProjectSettings sameName = ProjectSettings.builder("ops").programs(Program.of("b")).build();

    assertThatThrownBy(() -> ProgramCatalogue.of(first, second, sameName))
        .isInstanceOf(DuplicateProjectException.class)
        .hasMessage("Project 'ops' registered more than once")
        .satisfies(e -> assertThat(((DuplicateProjectException) e).projectName()).isEqualTo("ops"));
  }

  @Test
  void duplicateProgramNamesTheProjectThatListedItFirst() {
    ProjectSettings first = ProjectSettings.builder("ops").programs(Program.of("a")).build();
    ProjectSettings second = ProjectSettings.builder("other").programs(Program.of("b"), Program.of("a")).build();

    assertThatThrownBy(() -> ProgramCatalogue.of(first, second))
        .isInstanceOf(DuplicateProgramException.class)
        .hasMessage("Program 'a' already owned by 'ops'")
        .satisfies(e -> {
          DuplicateProgramException duplicate = (DuplicateProgramException) e;
          assertThat(duplicate.program()).isEqualTo(Program.of("a"));
          assertThat(duplicate.owner()).isEqualTo("ops");
        });
    ProjectSettings twice = ProjectSettings.builder("solo").programs(Program.of("x"), Program.of("x")).build();
    assertThatThrownBy(() -> ProgramCatalogue.of(twice)).hasMessage("Program 'x' already owned by 'solo'");
  }

  @Test
  void emptyCataloguesAndEmptyProjectsAreLegal() {
    assertThat(ProgramCatalogue.of(List.of()).allowlist()).isEmpty();
    assertThat(ProgramCatalogue.of(ProjectSettings.builder("empty").build()).visibleSettings()).containsKey("empty");
  }

  @Test
  void customCatalogueResolvesWithItsOwnProject() {
    ProjectSettings pipelines = ProjectSettings.builder("data-pipeline")
        .programs(Program.of("python3"))
        .documentationLocations("docs/pipelines.md")
        .noiseRules("^progress:")
        .build();
    ProgramCatalogue catalogue = ProgramCatalogue.of(pipelines);
    assertThat(Sh.make(Program.of("python3"), catalogue).args("run").project()).isSameAs(pipelines);
    assertThat(catalogue.projects()).containsExactly(pipelines);
  }

  @Test
  void invalidNoiseRuleNamesProjectAndPattern() {
    assertThatThrownBy(() -> ProjectSettings.builder("ops").noiseRules("ok", "[unclosed").build())
        .isInstanceOf(InvalidNoiseRuleException.class)
        .hasMessageStartingWith("Project 'ops' has an invalid noise rule '[unclosed': ")
        .satisfies(e -> {
          InvalidNoiseRuleException invalid = (InvalidNoiseRuleException) e;
          assertThat(invalid.projectName()).isEqualTo("ops");
          assertThat(invalid.pattern()).isEqualTo("[unclosed");
        });
  }

  @Test
  void projectSettingsAreImmutableCopies() {
    List<Program> programs = new java.util.ArrayList<>(List.of(Program.of("a")));
    ProjectSettings settings = new ProjectSettings("p", programs, List.of(), List.of());
    programs.add(Program.of("b"));
    assertThat(settings.programs()).containsExactly(Program.of("a"));
    assertThat(settings.owns(Program.of("a"))).isTrue();
    assertThat(settings.owns(Program.of("b"))).isFalse();
    assertThatThrownBy(() -> settings.programs().add(Program.of("c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void programNamesAreValidatedAndComparedExactly() {
    assertThat(Program.of("echo")).isEqualTo(new Program("echo")).hasToString("echo");
    assertThat(Program.of("Echo")).isNotEqualTo(Program.of("echo"));
    assertThat(Program.of("/usr/bin/env").isAbsolutePath()).isTrue();
    assertThatThrownBy(() -> Program.of(" ")).isInstanceOf(InvalidArgumentException.class).hasMessage("Program name cannot be blank");
    assertThatThrownBy(() -> Program.of("a\0b")).hasMessage("Program name cannot contain NUL characters");
    assertThatThrownBy(() -> Program.of("./tool")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("relative path");
    assertThatThrownBy(() -> Program.of("bin/tool")).hasMessageContaining("relative path");
  }
}
