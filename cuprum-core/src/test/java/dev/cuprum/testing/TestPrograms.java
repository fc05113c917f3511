package dev.cuprum.testing;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.util.ArrayList;
import java.util.List;

/** The programs tests run: POSIX tools every build machine has. */
public final class TestPrograms {

  public static final String PROJECT = "test-tools";

  public static final Program SH = Program.of("sh");
  public static final Program CAT = Program.of("cat");
  public static final Program PRINTF = Program.of("printf");
  public static final Program SLEEP = Program.of("sleep");
  public static final Program TRUE = Program.of("true");
  public static final Program FALSE = Program.of("false");
  public static final Program HEAD = Program.of("head");
  public static final Program YES = Program.of("yes");
  public static final Program TR = Program.of("tr");
  public static final Program WC = Program.of("wc");
  /** Listed, so that the allowlist lets it through, but never installed: its runs fail to start. */
  public static final Program MISSING = Program.of("/nonexistent/cuprum-no-such-program");

  /** The test tools plus the default catalogue's projects. */
  public static final ProgramCatalogue CATALOGUE = catalogue();

  private TestPrograms() {}

  public static CommandExecutor executor() {
    return CommandExecutor.builder().catalogue(CATALOGUE).build();
  }

  public static SafeCmd cmd(Program program, Object... args) {
    return Sh.make(program, CATALOGUE).args(args);
  }

  /** {@code sh -c script sh args...}: the script sees the arguments as {@code $1...}. */
  public static SafeCmd sh(String script, Object... args) {
    List<Object> argv = new ArrayList<>(List.of("-c", script, "sh"));
    argv.addAll(List.of(args));
    return Sh.make(SH, CATALOGUE).args(argv.toArray());
  }

  private static ProgramCatalogue catalogue() {
    List<ProjectSettings> projects = new ArrayList<>();
    projects.add(ProjectSettings.builder(PROJECT)
        .programs(SH, CAT, PRINTF, SLEEP, TRUE, FALSE, HEAD, YES, TR, WC, MISSING)
        .build());
    projects.addAll(ProgramCatalogue.defaults().projects());
    return ProgramCatalogue.of(projects);
  }
}
