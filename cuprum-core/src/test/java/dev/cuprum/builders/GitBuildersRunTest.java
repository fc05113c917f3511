package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The git builders run by a real executor in a throwaway repository. */
class GitBuildersRunTest {

  private static final CommandExecutor EXECUTOR = CommandExecutor.create();

  @TempDir
  Path home;
  @TempDir
  Path repo;

  private Map<String, String> env;

  @BeforeEach
  void createRepositoryWithTwoBranches() throws IOException, InterruptedException {
    assumeTrue(InstalledPrograms.has("git"), "git is not installed");
    // Neither the machine's nor the user's git configuration may change what the tests see.
    env = Map.of(
        "HOME", home.toString(),
        "XDG_CONFIG_HOME", home.toString(),
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_AUTHOR_NAME", "Cuprum Tests",
        "GIT_AUTHOR_EMAIL", "tests@cuprum.invalid",
        "GIT_COMMITTER_NAME", "Cuprum Tests",
        "GIT_COMMITTER_EMAIL", "tests@cuprum.invalid",
        "LC_ALL", "C");
    git("init", "--quiet");
    git("symbolic-ref", "HEAD", "refs/heads/main");
    commitFile("one\n", "first");
    git("checkout", "--quiet", "-b", "other");
    commitFile("two\n", "second");
    git("checkout", "--quiet", "main");
  }

  @Test
  void statusShowsTheBranchAndTheChanges() throws IOException {
    Files.writeString(repo.resolve("new.txt"), "new\n");

    assertThat(runOk(Git.status(true, true)).stdout()).isEqualTo("## main\n?? new.txt\n");
    assertThat(runOk(Git.status(true, false)).stdout()).isEqualTo("?? new.txt\n");
    assertThat(runOk(Git.status(false, false)).stdout()).startsWith("On branch main\n").contains("new.txt");
  }

  @Test
  void revParseNamesTheCommitOfARef() throws IOException, InterruptedException {
    assertThat(runOk(Git.revParse("main")).stdout()).isEqualTo(git("rev-parse", "main") + "\n");
    assertThat(runOk(Git.revParse("refs/heads/other")).stdout()).isEqualTo(git("rev-parse", "other") + "\n");

    CommandResult unknown = EXECUTOR.run(Git.revParse("missing"), options());
    assertThat(unknown.exitCode()).isEqualTo(128);
    assertThat(unknown.stdout()).isEmpty();
    assertThat(unknown.stderr()).contains("Needed a single revision");
  }

  /**
   * Each ref names a tracked file or directory and no branch: git must read it as a ref and fail,
   * never as a path to restore from the index over the uncommitted changes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"file.txt", "docs", "docs/guide.md"})
  void uncommittedChangesSurviveEveryBuilderGivenAPathAsTheRef(String ref) throws IOException, InterruptedException {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/guide.md"), "guide\n");
    git("add", "docs/guide.md");
    git("commit", "--quiet", "-m", "guide");
    Files.writeString(repo.resolve("file.txt"), "uncommitted\n");
    Files.writeString(repo.resolve("docs/guide.md"), "uncommitted guide\n");
    String changes = git("diff");

    List<SafeCmd> commands = List.of(
        Git.checkout(ref, false, false, false), Git.checkout(ref, false, false, true),
        Git.checkout(ref, false, true, false), Git.checkout(ref, false, true, true),
        Git.revParse(ref),
        Git.checkout(ref, true, false, false), Git.checkout(ref, true, false, true),
        Git.status(true, true), Git.status(false, false));
    for (SafeCmd cmd : commands) {
      CommandResult result = EXECUTOR.run(cmd, options());
      if (!cmd.argv().contains("-b") && !cmd.argv().contains("-B") && !cmd.argv().contains("status")) {
        assertThat(result.exitCode()).as("%s: %s", cmd.argvWithProgram(), result.stderr()).isEqualTo(128);
      }
      assertThat(Files.readString(repo.resolve("file.txt"))).as("after %s", cmd.argvWithProgram())
          .isEqualTo("uncommitted\n");
      assertThat(Files.readString(repo.resolve("docs/guide.md"))).as("after %s", cmd.argvWithProgram())
          .isEqualTo("uncommitted guide\n");
      assertThat(git("diff")).as("after %s", cmd.argvWithProgram()).isEqualTo(changes);
    }
  }

  @Test
  void checkoutSwitchesToABranch() throws IOException {
    runOk(Git.checkout("other", false, false, false));

    assertThat(Files.readString(repo.resolve("file.txt"))).isEqualTo("two\n");
    assertThat(branchLine()).isEqualTo("## other");
  }

  @Test
  void checkoutCreatesABranchOnlyOnceUnlessForced() throws IOException, InterruptedException {
    runOk(Git.checkout("topic", true, false, false));
    assertThat(branchLine()).isEqualTo("## topic");
    assertThat(git("rev-parse", "topic")).isEqualTo(git("rev-parse", "main"));

    runOk(Git.checkout("other", false, false, false));
    CommandResult again = EXECUTOR.run(Git.checkout("topic", true, false, false), options());
    assertThat(again.ok()).isFalse();
    assertThat(again.stderr()).contains("already exists");

    runOk(Git.checkout("topic", true, false, true));
    assertThat(branchLine()).isEqualTo("## topic");
    assertThat(git("rev-parse", "topic")).isEqualTo(git("rev-parse", "other"));
  }

  @Test
  void checkoutDetachesHead() throws IOException, InterruptedException {
    runOk(Git.checkout("other", false, true, false));

    assertThat(branchLine()).isEqualTo("## HEAD (no branch)");
    assertThat(git("rev-parse", "HEAD")).isEqualTo(git("rev-parse", "other"));
  }

  @Test
  void forceDiscardsLocalChangesThatWouldBeOverwritten() throws IOException {
    Files.writeString(repo.resolve("file.txt"), "dirty\n");

    CommandResult refused = EXECUTOR.run(Git.checkout("other", false, false, false), options());
    assertThat(refused.ok()).isFalse();
    assertThat(refused.stderr()).contains("would be overwritten");
    assertThat(Files.readString(repo.resolve("file.txt"))).isEqualTo("dirty\n");

    runOk(Git.checkout("other", false, false, true));
    assertThat(Files.readString(repo.resolve("file.txt"))).isEqualTo("two\n");
    assertThat(branchLine()).isEqualTo("## other");
  }

  @Test
  void detachWithForceDiscardsLocalChanges() throws IOException {
    Files.writeString(repo.resolve("file.txt"), "dirty\n");

    runOk(Git.checkout("other", false, true, true));

    assertThat(Files.readString(repo.resolve("file.txt"))).isEqualTo("two\n");
    assertThat(branchLine()).isEqualTo("## HEAD (no branch)");
  }

  private String branchLine() {
    return runOk(Git.status(true, true)).stdout().lines().findFirst().orElseThrow();
  }

  private CommandResult runOk(SafeCmd cmd) {
    CommandResult result = EXECUTOR.run(cmd, options());
    assertThat(result.exitCode()).as("%s failed: %s", cmd.argvWithProgram(), result.stderr()).isZero();
    return result;
  }

  private RunOptions options() {
    return RunOptions.builder().context(ExecutionContext.builder().cwd(repo).env(env).build()).build();
  }

  private void commitFile(String content, String message) throws IOException, InterruptedException {
    Files.writeString(repo.resolve("file.txt"), content);
    git("add", "file.txt");
    git("commit", "--quiet", "-m", message);
  }

  /** Sets the repository up without the code under test. */
  private String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    return output.strip();
  }
}
