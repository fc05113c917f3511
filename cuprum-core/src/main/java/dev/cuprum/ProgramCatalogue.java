package dev.cuprum;

import static java.util.stream.Collectors.toCollection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The allowlist of programs Cuprum may run, grouped by project.
 *
 * <p>Every program belongs to exactly one project. Construction rejects two projects with one
 * name ({@link DuplicateProjectException}, checked over all projects first) and a program listed
 * twice ({@link DuplicateProgramException}, naming the project that listed it first).
 */
public final class ProgramCatalogue {

  /** The name of the default catalogue's operations project. */
  public static final String CORE_OPS_PROJECT = "core-ops";
  /** The name of the default catalogue's documentation project. */
  public static final String DOCS_PROJECT = "docs";

  private static final ProgramCatalogue DEFAULTS = of(
      ProjectSettings.builder(CORE_OPS_PROJECT)
          .programs(Programs.ECHO, Programs.GIT, Programs.LS, Programs.RSYNC, Programs.TAR)
          .documentationLocations("docs/users-guide.md#program-catalogue")
          .noiseRules("^progress:", "^note:")
          .build(),
      ProjectSettings.builder(DOCS_PROJECT)
          .programs(Programs.MDBOOK)
          .documentationLocations("https://docs.example.invalid/cuprum/catalogue")
          .noiseRules("^\\[INFO\\]")
          .build());

  private final List<ProjectSettings> projects;
  private final Map<String, ProjectSettings> visibleSettings;
  private final Map<String, ProgramEntry> entriesByName;
  private final Set<Program> allowlist;

  private ProgramCatalogue(List<ProjectSettings> projects) {
    this.projects = List.copyOf(projects);
    Map<String, ProjectSettings> byProject = new LinkedHashMap<>();
    for (ProjectSettings project : this.projects) {
      if (byProject.putIfAbsent(project.name(), project) != null) {
        throw new DuplicateProjectException(project.name());
      }
    }
    Map<String, ProgramEntry> entries = new LinkedHashMap<>();
    for (ProjectSettings project : this.projects) {
      for (Program program : project.programs()) {
        ProgramEntry previous = entries.putIfAbsent(program.name(), new ProgramEntry(program, project));
        if (previous != null) {
          throw new DuplicateProgramException(program, previous.project().name());
        }
      }
    }
    this.visibleSettings = Collections.unmodifiableMap(byProject);
    this.entriesByName = Collections.unmodifiableMap(entries);
    Set<Program> programs = entries.values().stream().map(ProgramEntry::program).collect(toCollection(LinkedHashSet::new));
    this.allowlist = Collections.unmodifiableSet(programs);
  }

  public static ProgramCatalogue of(ProjectSettings... projects) {
    return new ProgramCatalogue(List.of(projects));
  }

  public static ProgramCatalogue of(List<ProjectSettings> projects) {
    return new ProgramCatalogue(projects);
  }

  /**
   * The default catalogue: project {@value #CORE_OPS_PROJECT} with {@code echo, git, ls, rsync,
   * tar} and project {@value #DOCS_PROJECT} with {@code mdbook}.
   */
  public static ProgramCatalogue defaults() {
    return DEFAULTS;
  }

  /**
   * The entry for a program.
   *
   * @throws UnknownProgramException when the catalogue does not list the program
   */
  public ProgramEntry lookup(Program program) {
    ProgramEntry entry = entriesByName.get(program.name());
    if (entry == null) {
      throw new UnknownProgramException(program);
    }
    return entry;
  }

  /** Whether the catalogue lists the program. Never throws. */
  public boolean isAllowed(Program program) {
    return entriesByName.containsKey(program.name());
  }

  /** Whether the catalogue lists a program of this name. Never throws. */
  public boolean isAllowed(String name) {
    return entriesByName.containsKey(name);
  }

  /**
   * The project that owns a program.
   *
   * @throws UnknownProgramException when the catalogue does not list the program
   */
  public ProjectSettings projectFor(Program program) {
    return lookup(program).project();
  }

  /** Every program of every project, in registration order. */
  public Set<Program> allowlist() {
    return allowlist;
  }

  /** The projects, in registration order. */
  public List<ProjectSettings> projects() {
    return projects;
  }

  /** A read-only view of project name to settings, in registration order; always the same view. */
  public Map<String, ProjectSettings> visibleSettings() {
    return visibleSettings;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProgramCatalogue catalogue && projects.equals(catalogue.projects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projects);
  }

  @Override
  public String toString() {
    return "ProgramCatalogue" + visibleSettings.keySet();
  }
}
