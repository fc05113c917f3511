package dev.cuprum.sample;

import static dev.cuprum.sample.TestRepositories.committed;
import static dev.cuprum.sample.TestRepositories.createDirectories;
import static dev.cuprum.sample.TestRepositories.git;
import static dev.cuprum.sample.TestRepositories.markerScript;
import static dev.cuprum.sample.TestRepositories.realTempDirectory;
import static dev.cuprum.sample.TestRepositories.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * {@code GET /api/git/status} over real HTTP against hostile repositories: git never leaves the
 * configured roots and never runs a program the repository configures. Every program such a
 * repository names creates a marker file outside the roots; no marker may ever appear.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class GitConfinementTests {

  private static final Path ROOT = realTempDirectory("confined-root");
  /** A repository that is not under the roots, although one root lies inside it. */
  private static final Path ENCLOSING = committed(realTempDirectory("confined-enclosing"));
  private static final Path ENCLOSED_ROOT = createDirectories(ENCLOSING.resolve("root"));
  private static final Path OUTSIDE = realTempDirectory("confined-outside");

  @LocalServerPort
  int port;

  ApiClient api;

  @DynamicPropertySource
  static void roots(DynamicPropertyRegistry registry) {
    registry.add("sample.git.roots", () -> ROOT + "," + ENCLOSED_ROOT);
  }

  @AfterAll
  static void deleteDirectories() throws IOException {
    for (Path dir : List.of(ROOT, ENCLOSING, OUTSIDE)) {
      TestRepositories.deleteTree(dir);
    }
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void aDirectoryUnderARootNeverReportsTheRepositoryAroundTheRoot() {
    write(ENCLOSING.resolve("outside-root-file.txt"), "outside the roots\n");
    Path plain = createDirectories(ENCLOSED_ROOT.resolve("plain"));

    for (Path dir : List.of(plain, ENCLOSED_ROOT)) {
      ApiClient.Response response = status(dir);

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error())
          .isEqualTo("dir " + dir + " is not inside a git repository under the configured git roots");
    }
  }

  @Test
  void aCleanFilterOfTheRepositoryIsRefusedAndNeverRuns() {
    Path repo = committed(ROOT.resolve("filtered"));
    Path marker = OUTSIDE.resolve("clean-filter-ran");
    git(repo, "config", "filter.probe.clean", "touch '" + marker + "'; cat");
    write(repo.resolve(".gitattributes"), "* filter=probe\n");
    // Same size, new content: git must read the file, through the filter, to see the change.
    write(repo.resolve("tracked.txt"), "two\n");

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("the repository of dir " + repo + " configures programs that git status "
        + "would run (filter.probe.clean); it is refused");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aFileSystemMonitorHookAndHooksOfTheRepositoryNeverRun() {
    Path repo = committed(ROOT.resolve("monitored"));
    Path monitorRan = OUTSIDE.resolve("fsmonitor-ran");
    Path hookRan = OUTSIDE.resolve("hook-ran");
    git(repo, "config", "core.fsmonitor", markerScript(OUTSIDE.resolve("fsmonitor.sh"), monitorRan).toString());
    Path hooks = createDirectories(OUTSIDE.resolve("hooks"));
    markerScript(hooks.resolve("post-index-change"), hookRan);
    markerScript(repo.resolve(".git/hooks/post-index-change"), hookRan);
    git(repo, "config", "core.hooksPath", hooks.toString());
    write(repo.resolve("tracked.txt"), "two\n");

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("stdout").asString()).isEqualTo("## main\n M tracked.txt\n");
    assertThat(monitorRan).doesNotExist();
    assertThat(hookRan).doesNotExist();
  }

  @Test
  void aSubmodulesOwnFilterNeverRuns() {
    Path source = committed(OUTSIDE.resolve("submodule-source"));
    Path repo = committed(ROOT.resolve("with-submodule"));
    git(repo, "submodule", "add", "-q", source.toString(), "sub");
    git(repo, "commit", "-q", "-m", "submodule");
    Path marker = OUTSIDE.resolve("submodule-filter-ran");
    git(repo.resolve("sub"), "config", "filter.probe.clean", "touch '" + marker + "'; cat");
    write(repo.resolve("sub/.gitattributes"), "* filter=probe\n");
    write(repo.resolve("sub/tracked.txt"), "two\n");

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("stdout").asString()).isEqualTo("## main\n");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aPartialCloneThatWouldFetchIsRefused() {
    Path repo = committed(ROOT.resolve("partial"));
    git(repo, "config", "extensions.partialClone", "origin");
    git(repo, "config", "remote.origin.promisor", "true");
    git(repo, "config", "remote.origin.url", "ext::sh -c touch% " + OUTSIDE.resolve("fetched"));

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("the repository of dir " + repo + " configures programs that git status "
        + "would run (extensions.partialclone, remote.origin.promisor); it is refused");
  }

  @Test
  void aWorkTreeConfiguredOutsideTheRootsIsNotLookedAt() {
    Path repo = committed(ROOT.resolve("redirected"));
    write(OUTSIDE.resolve("secret-outside.txt"), "not for callers\n");
    git(repo, "config", "core.worktree", OUTSIDE.toString());

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("stdout").asString()).isEqualTo("## main\n").doesNotContain("secret-outside");
  }

  @Test
  void aGitFileThatMayLeadOutsideIsRefused() {
    Path elsewhere = committed(OUTSIDE.resolve("elsewhere"));
    Path linked = createDirectories(ROOT.resolve("linked"));
    write(linked.resolve(".git"), "gitdir: " + elsewhere.resolve(".git") + "\n");

    ApiClient.Response response = status(linked);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("the repository of dir " + linked + " has a .git file or link, which may "
        + "lead outside the configured git roots; only repositories with a .git directory are supported");
  }

  @Test
  void aRepositoryThatReadsObjectsFromElsewhereIsRefused() {
    Path elsewhere = committed(OUTSIDE.resolve("objects-elsewhere"));
    Path repo = committed(ROOT.resolve("borrowing"));
    write(repo.resolve(".git/objects/info/alternates"), elsewhere.resolve(".git/objects") + "\n");

    ApiClient.Response response = status(repo);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("the repository of dir " + repo
        + " reads from another directory (.git/objects/info/alternates); it is refused");
  }

  private ApiClient.Response status(Path dir) {
    return api.get("/api/git/status?dir=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8));
  }
}
