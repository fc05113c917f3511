package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Runs git in a repository under the roots without letting the repository choose what runs. A
 * repository's configuration and attributes can name programs that git starts on its own during
 * {@code git status}: a file-system monitor hook, hooks, clean filters, a fetch for a partial
 * clone, and everything the same configuration does inside submodules. Here:
 *
 * <ul>
 *   <li>git gets the repository's git directory and work tree explicitly, so it neither searches
 *       above the directory asked for nor follows {@code core.worktree};
 *   <li>configuration given on the command line, which wins over every configuration file,
 *       switches off the monitor, hooks and every transport;
 *   <li>the status command ignores submodules, so git starts nothing inside them;
 *   <li>a repository whose own configuration defines filter programs, which no setting can switch
 *       off, or makes it a partial clone, is refused before git status runs.
 * </ul>
 *
 * <p>Programs named in the machine's or the service user's git configuration still run: those
 * are the operator's.
 */
@Component
final class ConfinedGit {

  /** Each wins over the repository's configuration because it is given on the command line. */
  private static final Map<String, String> OVERRIDES = overrides();

  /** Repository settings that make git status run a program no override can switch off. */
  private static final Pattern PROGRAM_SETTINGS = Pattern.compile(
      "filter\\..+\\.(clean|smudge|process)|extensions\\.partialclone|remote\\..+\\.promisor",
      Pattern.CASE_INSENSITIVE);

  /** The configuration scopes the repository itself controls. */
  private static final Set<String> REPOSITORY_SCOPES = Set.of("local", "worktree");

  private final CommandExecutor executor;
  private final SafeCmd listSettings;

  ConfinedGit(CommandExecutor executor, ProgramCatalogue catalogue) {
    this.executor = executor;
    this.listSettings = Sh.make(Programs.GIT, catalogue).args("config", "--list", "--show-scope", "--name-only");
  }

  /**
   * The context of a git command in the repository, run from {@code directory}. The command-line
   * configuration is handed to git through {@code GIT_CONFIG_COUNT}, {@code GIT_CONFIG_KEY_n} and
   * {@code GIT_CONFIG_VALUE_n}, which Cuprum refuses unless allowed by name: they can make git run
   * any program, and here they are the ones that make it run none.
   */
  ExecutionContext context(GitRepository repository, Path directory) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GIT_DIR", repository.gitDir().toString());
    env.put("GIT_WORK_TREE", repository.workTree().toString());
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_CONFIG_COUNT", Integer.toString(OVERRIDES.size()));
    int index = 0;
    for (Map.Entry<String, String> override : OVERRIDES.entrySet()) {
      env.put("GIT_CONFIG_KEY_" + index, override.getKey());
      env.put("GIT_CONFIG_VALUE_" + index, override.getValue());
      index++;
    }
    List<String> configKeys = env.keySet().stream().filter(key -> key.startsWith("GIT_CONFIG_")).toList();
    return ExecutionContext.builder().cwd(directory).env(env).allowedEnvKeys(configKeys).build();
  }

  /**
   * Refuses a repository whose own configuration (its {@code .git/config}, work-tree configuration
   * and what they include) makes git status run a program that no override switches off.
   *
   * @throws BadRequestException naming the settings
   */
  void refuseConfiguredPrograms(GitRepository repository, Path directory) {
    CommandResult result = executor.run(listSettings,
        RunOptions.builder().context(context(repository, directory)).build());
    if (!result.ok()) {
      throw new BadRequestException("git config failed in " + directory + " (exit " + result.exitCode() + "): "
          + GitStatusController.firstLine(result.stderr()));
    }
    Set<String> found = new TreeSet<>();
    for (String line : String.valueOf(result.stdout()).split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0 && REPOSITORY_SCOPES.contains(line.substring(0, tab))
          && PROGRAM_SETTINGS.matcher(line.substring(tab + 1)).matches()) {
        found.add(line.substring(tab + 1));
      }
    }
    if (!found.isEmpty()) {
      throw new BadRequestException("the repository of dir " + directory + " configures programs that git status "
          + "would run (" + String.join(", ", found) + "); it is refused");
    }
  }

  private static Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("core.fsmonitor", "false");
    overrides.put("core.hooksPath", "/dev/null");
    overrides.put("status.submoduleSummary", "false");
    // A partial clone fetches missing objects on demand, through a remote the repository names.
    overrides.put("protocol.allow", "never");
    for (String protocol : List.of("file", "git", "http", "https", "ssh", "ext")) {
      overrides.put("protocol." + protocol + ".allow", "never");
    }
    return overrides;
  }
}
