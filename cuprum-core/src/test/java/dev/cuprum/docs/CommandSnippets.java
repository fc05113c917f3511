package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.Programs.GIT;
import static dev.cuprum.Programs.LS;
import static dev.cuprum.docs.Tools.CAT;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandBuilder;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProgramEntry;
import dev.cuprum.ProjectSettings;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.UnknownProgramException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's sections on the catalogue and on building commands. */
class CommandSnippets {

  @Test
  void quickStart() {
    // tag::quick-start[]
    CommandExecutor executor = CommandExecutor.create();
    SafeCmd hello = Sh.make(ECHO).args("-n", "hello world");

    CommandResult result = executor.run(hello);

    System.out.println(result.exitCode() + " " + result.stdout()); // 0 hello world
    // end::quick-start[]
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("hello world");
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void catalogueLookup() {
    // tag::catalogue-lookup[]
    ProgramCatalogue catalogue = ProgramCatalogue.defaults();

    ProgramEntry entry = catalogue.lookup(ECHO);
    String project = entry.project().name();                 // "core-ops"
    List<String> noise = entry.project().noiseRules();       // ["^progress:", "^note:"]
    boolean lsAllowed = catalogue.isAllowed("ls");           // true
    boolean curlAllowed = catalogue.isAllowed("curl");       // false

    // Unknown programs fail when they are looked up, long before anything runs.
    assertThatThrownBy(() -> catalogue.lookup(Program.of("curl")))
        .isInstanceOf(UnknownProgramException.class)
        .hasMessage("Program 'curl' is not in the catalogue allowlist");
    // end::catalogue-lookup[]
    assertThat(project).isEqualTo("core-ops");
    assertThat(noise).containsExactly("^progress:", "^note:");
    assertThat(lsAllowed).isTrue();
    assertThat(curlAllowed).isFalse();
    assertThat(catalogue.allowlist()).extracting(Program::name)
        .containsExactly("echo", "git", "ls", "rsync", "tar", "mdbook");
  }

  @Test
  void customCatalogue() {
    // tag::catalogue-custom[]
    ProjectSettings pipelines = ProjectSettings.builder("data-pipeline")
        .programs(Program.of("python3"), Program.of("/usr/bin/ffmpeg"))
        .documentationLocations("docs/pipelines.md")
        .noiseRules("^progress:")
        .build();
    ProgramCatalogue catalogue = ProgramCatalogue.of(pipelines);

    // Project metadata for log shippers and dashboards, in registration order.
    Map<String, ProjectSettings> settings = catalogue.visibleSettings();
    Set<Program> allowlist = catalogue.allowlist();          // [python3, /usr/bin/ffmpeg]
    // end::catalogue-custom[]
    assertThat(settings).containsOnlyKeys("data-pipeline");
    assertThat(allowlist).containsExactly(Program.of("python3"), Program.of("/usr/bin/ffmpeg"));
  }

  @Test
  void makeCommand() {
    // tag::make-command[]
    CommandBuilder echo = Sh.make(ECHO);                     // looked up now: unknown programs fail here
    SafeCmd cmd = echo.args("-n", "hello world");

    List<String> argv = cmd.argvWithProgram();               // [echo, -n, hello world]
    String project = cmd.project().name();                   // "core-ops"

    // Programs of another catalogue: name the catalogue.
    SafeCmd cat = Sh.make(CAT, CATALOGUE).args("/etc/hostname");
    // end::make-command[]
    assertThat(argv).containsExactly("echo", "-n", "hello world");
    assertThat(project).isEqualTo("core-ops");
    assertThat(cat.project().name()).isEqualTo("tools");
  }

  @Test
  void argumentsAndOptions() {
    // tag::options[]
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("max_count", 3);                             // '_' becomes '-'
    options.put("format", "%h %s");

    SafeCmd log = Sh.make(GIT).args(List.of("log", Path.of("/srv/repo/README.md")), options);
    // [git, log, /srv/repo/README.md, --max-count=3, --format=%h %s]

    List<String> same = Sh.buildArgv(List.of("log", Path.of("/srv/repo/README.md")), options);
    List<String> plain = Sh.buildArgv("status", true, 42); // [status, true, 42]
    // end::options[]
    assertThat(log.argvWithProgram())
        .containsExactly("git", "log", "/srv/repo/README.md", "--max-count=3", "--format=%h %s");
    assertThat(same).isEqualTo(log.argv());
    assertThat(plain).containsExactly("status", "true", "42");
  }

  @Test
  void badArguments() {
    // tag::bad-arguments[]
    CommandBuilder ls = Sh.make(LS);
    String missing = null;

    assertThatThrownBy(() -> ls.args("-l", missing))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("null is not a valid argv element for Sh.make (positional argument 1)");
    // A list is one argument only by mistake: pass its elements.
    assertThatThrownBy(() -> ls.args(List.of("/tmp", "/var")))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ls.args("bad\0arg"))
        .isInstanceOf(InvalidArgumentException.class);
    // end::bad-arguments[]
  }

  @Test
  void projectBuilder(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "one\ntwo\n");
    SafeCmd cmd = ProjectCommands.catFile(file, true);
    assertThat(cmd.argvWithProgram()).containsExactly("cat", "-n", file.toRealPath().toString());
    assertThat(CommandExecutor.builder().catalogue(CATALOGUE).build().run(cmd).stdout())
        .isEqualTo("     1\tone\n     2\ttwo\n");
    assertThatThrownBy(() -> ProjectCommands.catFile(dir, false)).isInstanceOf(IllegalArgumentException.class);
  }

  // tag::project-builder[]
  /** The only way this project runs cat: validated input, one place to review. */
  static final class ProjectCommands {

    private static final CommandBuilder CAT_FILE = Sh.make(CAT, CATALOGUE);

    static SafeCmd catFile(Path path, boolean numbered) throws IOException {
      Path file = path.toRealPath();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + " is not a readable file");
      }
      List<Object> args = new ArrayList<>();
      if (numbered) {
        args.add("-n");
      }
      args.add(file);
      return CAT_FILE.args(args, Map.of());
    }

    private ProjectCommands() {}
  }
  // end::project-builder[]
}
