package dev.cuprum.docs;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import java.util.ArrayList;
import java.util.List;

/** The catalogue the guide's examples run against: the default projects plus POSIX tools. */
public final class Tools {

  // tag::tools-catalogue[]
  public static final Program SH = Program.of("sh");
  public static final Program CAT = Program.of("cat");
  public static final Program PRINTF = Program.of("printf");
  public static final Program SLEEP = Program.of("sleep");
  public static final Program TR = Program.of("tr");

  public static final ProgramCatalogue CATALOGUE = catalogue();

  private static ProgramCatalogue catalogue() {
    ProjectSettings tools = ProjectSettings.builder("tools")
        .programs(SH, CAT, PRINTF, SLEEP, TR)
        .documentationLocations("docs/users-guide.md")
        .build();
    // Keep the default projects ("core-ops": echo, git, ls, rsync, tar; "docs": mdbook).
    List<ProjectSettings> projects = new ArrayList<>(ProgramCatalogue.defaults().projects());
    projects.add(tools);
    return ProgramCatalogue.of(projects);
  }
  // end::tools-catalogue[]

  private Tools() {}
}
