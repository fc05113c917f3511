package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.builders.Git;
import dev.cuprum.sample.web.ApiMessages.CommandResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/git/status?dir=/abs/path}: {@code git status --short --branch} in that directory. */
@RestController
final class GitStatusController {

  /**
   * Keeps git status read-only and free of repository-configured programs: no optional index
   * lock, no file-system monitor hook from the repository's config (the config entries given
   * here win over it), no credential prompt.
   */
  private static final Map<String, String> READ_ONLY_GIT = Map.of(
      "GIT_OPTIONAL_LOCKS", "0",
      "GIT_CONFIG_COUNT", "1",
      "GIT_CONFIG_KEY_0", "core.fsmonitor",
      "GIT_CONFIG_VALUE_0", "false",
      "GIT_TERMINAL_PROMPT", "0");

  private final CommandExecutor executor;
  private final GitRoots roots;

  GitStatusController(CommandExecutor executor, GitRoots roots) {
    this.executor = executor;
    this.roots = roots;
  }

  // tag::git-status[]
  @GetMapping("/api/git/status")
  CommandResponse status(@RequestParam(required = false) @Nullable String dir) {
    Path directory = roots.resolve(dir);
    // Only the working directory and the overlay are set: every other setting keeps the
    // executor's defaults (cuprum.defaults.*), and the executor's catalogue names the project.
    ExecutionContext context = ExecutionContext.builder().cwd(directory).env(READ_ONLY_GIT).build();
    CommandResult result = executor.run(Git.status(true, true), RunOptions.builder().context(context).build());
    if (!result.ok()) {
      throw new BadRequestException("git status failed in " + directory + " (exit " + result.exitCode() + "): "
          + firstLine(result.stderr()));
    }
    return new CommandResponse(result.exitCode(), result.stdout(), result.duration().toMillis());
  }
  // end::git-status[]

  private static String firstLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "no message";
    }
    return text.strip().lines().findFirst().orElse("");
  }
}
