package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.builders.Git;
import dev.cuprum.sample.web.ApiMessages.CommandResponse;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/git/status?dir=/abs/path}: {@code git status --short --branch} in that directory,
 * confined to the repository under the roots that holds it (see {@link ConfinedGit}).
 */
@RestController
final class GitStatusController {

  private final CommandExecutor executor;
  private final GitRoots roots;
  private final ConfinedGit git;

  GitStatusController(CommandExecutor executor, GitRoots roots, ConfinedGit git) {
    this.executor = executor;
    this.roots = roots;
    this.git = git;
  }

  // tag::git-status[]
  @GetMapping("/api/git/status")
  CommandResponse status(@RequestParam(required = false) @Nullable String dir) {
    Path directory = roots.resolve(dir);
    GitRepository repository = roots.repositoryOf(directory);
    git.refuseConfiguredPrograms(repository, directory);
    // Only the working directory and the overlay are set: every other setting keeps the
    // executor's defaults (cuprum.defaults.*), and the executor's catalogue names the project.
    ExecutionContext context = git.context(repository, directory);
    CommandResult result = executor.run(Git.status(true, true, true), RunOptions.builder().context(context).build());
    if (!result.ok()) {
      throw new BadRequestException("git status failed in " + directory + " (exit " + result.exitCode() + "): "
          + firstLine(result.stderr()));
    }
    return new CommandResponse(result.exitCode(), result.stdout(), result.duration().toMillis());
  }
  // end::git-status[]

  static String firstLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "no message";
    }
    return text.strip().lines().findFirst().orElse("");
  }
}
