package dev.cuprum.docs;

import static dev.cuprum.Programs.GIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ProgramLocator;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.builders.Compression;
import dev.cuprum.builders.Git;
import dev.cuprum.builders.GitRef;
import dev.cuprum.builders.GitRefRejection;
import dev.cuprum.builders.InvalidGitRefException;
import dev.cuprum.builders.InvalidPathException;
import dev.cuprum.builders.PathRejection;
import dev.cuprum.builders.Rsync;
import dev.cuprum.builders.RsyncOptions;
import dev.cuprum.builders.SafePath;
import dev.cuprum.builders.Tar;
import dev.cuprum.builders.TarCreateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's section on the git, rsync and tar builders. */
class BuilderSnippets {

  private final CommandExecutor executor = CommandExecutor.create();

  @Test
  void git(@TempDir Path repo) {
    assumeThat(ProgramLocator.fromEnvironment().locate(GIT)).isPresent();
    Map<String, String> identity = Map.of("GIT_AUTHOR_NAME", "Docs", "GIT_AUTHOR_EMAIL", "docs@example.invalid",
        "GIT_COMMITTER_NAME", "Docs", "GIT_COMMITTER_EMAIL", "docs@example.invalid");
    RunOptions setup = RunOptions.builder().context(ExecutionContext.builder().cwd(repo).env(identity).build()).build();
    executor.run(Sh.make(GIT).args("init", "-q", "-b", "main"), setup);
    executor.run(Sh.make(GIT).args("commit", "-q", "--allow-empty", "-m", "first"), setup);
    // tag::builders-git[]
    RunOptions inRepo = RunOptions.builder()
        .context(ExecutionContext.builder().cwd(repo).build())   // git runs in the repository
        .build();

    CommandResult status = executor.run(Git.status(true, true), inRepo);
    status.stdout();                     // "## main\n"

    SafeCmd branch = Git.checkout("feature/docs", true, false, false);
    branch.argvWithProgram();            // [git, checkout, -b, feature/docs, --]
    executor.run(branch, inRepo);

    CommandResult head = executor.run(Git.revParse("HEAD"), inRepo);
    head.stdout().trim();                // the commit id
    // end::builders-git[]
    assertThat(status.stdout()).isEqualTo("## main\n");
    assertThat(branch.argvWithProgram()).containsExactly("git", "checkout", "-b", "feature/docs", "--");
    assertThat(executor.run(Git.status(true, true), inRepo).stdout()).isEqualTo("## feature/docs\n");
    assertThat(head.stdout().trim()).hasSize(40);
  }

  @Test
  void tar(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("report.txt"), "quarterly\n");
    Path restore = Files.createDirectories(dir.resolve("restore"));
    Path archive = dir.resolve("data.tar.gz");
    // tag::builders-tar[]
    SafeCmd pack = Tar.create(archive, List.of(data),
        TarCreateOptions.builder().compression(Compression.GZIP).build());
    // [tar, -c, -z, --force-local, -f, /tmp/.../data.tar.gz, /tmp/.../data]
    executor.run(pack);

    SafeCmd unpack = Tar.extract(archive, restore);
    // [tar, -x, --force-local, -f, /tmp/.../data.tar.gz, -C, /tmp/.../restore]
    executor.run(unpack);
    // end::builders-tar[]
    assertThat(pack.argvWithProgram())
        .containsExactly("tar", "-c", "-z", "--force-local", "-f", archive.toString(), data.toString());
    assertThat(unpack.argvWithProgram())
        .containsExactly("tar", "-x", "--force-local", "-f", archive.toString(), "-C", restore.toString());
    // GNU tar stores absolute sources without their leading slash.
    assertThat(restore.resolve(data.toString().substring(1)).resolve("report.txt")).hasContent("quarterly");
  }

  @Test
  void rsync() {
    // tag::builders-rsync[]
    SafeCmd backup = Rsync.sync(Path.of("/srv/data"), "/backups/data",
        RsyncOptions.builder().archive(true).delete(true).dryRun(true).build());
    backup.argvWithProgram(); // [rsync, --archive, --delete, --dry-run, /srv/data, /backups/data]
    // end::builders-rsync[]
    assertThat(backup.argvWithProgram())
        .containsExactly("rsync", "--archive", "--delete", "--dry-run", "/srv/data", "/backups/data");
    assertThat(backup.program()).isEqualTo(Programs.RSYNC);
  }

  @Test
  void validation() {
    // tag::builders-validation[]
    SafePath.of("/tmp/./reports//q1/").value();          // "/tmp/reports/q1"
    SafePath.of("reports/q1", true).value();             // "reports/q1": relative, when allowed
    SafePath.classify("/srv/../etc", false);             // PARENT_SEGMENT
    GitRef.of("release/1.2").value();                    // "release/1.2"
    GitRef.classify("HEAD~1");                           // UNSUPPORTED_CHARS

    // Builders validate their input; nothing is built from a bad path or ref.
    // The message names the argument and the value.
    assertThatThrownBy(() -> Tar.extract("backup.tar", null))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("SafePath requires an absolute path by default: archive = 'backup.tar'");
    assertThatThrownBy(() -> Git.checkout("--orphan", false, false, false))
        .isInstanceOf(InvalidGitRefException.class)
        .hasMessage("GitRef cannot start with '-': ref = '--orphan'");
    // end::builders-validation[]
    assertThat(SafePath.of("/tmp/./reports//q1/").value()).isEqualTo("/tmp/reports/q1");
    assertThat(SafePath.of("reports/q1", true).value()).isEqualTo("reports/q1");
    assertThat(SafePath.classify("/srv/../etc", false)).isEqualTo(PathRejection.PARENT_SEGMENT);
    assertThat(GitRef.of("release/1.2").value()).isEqualTo("release/1.2");
    assertThat(GitRef.classify("HEAD~1")).isEqualTo(GitRefRejection.UNSUPPORTED_CHARS);
    assertThat(SafePath.classify("-rf", true)).isEqualTo(PathRejection.LEADING_DASH);
    assertThat(GitRef.classify(".hidden")).isEqualTo(GitRefRejection.COMPONENT_LEADING_DOT);
  }

  @Test
  void within(@TempDir Path uploads) throws Exception {
    Files.createDirectories(uploads.resolve("alice"));
    Path root = uploads.toRealPath();
    String fromRequest = "alice/report.pdf";
    // tag::builders-within[]
    SafePath file = SafePath.within(root, fromRequest);    // <root>/alice/report.pdf
    assertThatThrownBy(() -> SafePath.within(root, "../etc/passwd"))
        .isInstanceOfSatisfying(InvalidPathException.class,
            e -> assertThat(e.rejection()).isEqualTo(PathRejection.OUTSIDE_ROOT));
    // end::builders-within[]
    assertThat(file.value()).isEqualTo(root.resolve("alice/report.pdf").toString());
  }
}
