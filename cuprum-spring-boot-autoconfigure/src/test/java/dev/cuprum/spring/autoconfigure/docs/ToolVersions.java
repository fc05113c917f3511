package dev.cuprum.spring.autoconfigure.docs;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import java.util.List;
import org.springframework.stereotype.Service;

// tag::spring-service[]
@Service
public class ToolVersions {

  private final CommandExecutor executor;
  private final ProgramCatalogue catalogue;
  private final ConcurrentConfig batch;

  /** The beans of the starter; the ConcurrentConfig holds cuprum.concurrency.*. */
  public ToolVersions(CommandExecutor executor, ProgramCatalogue catalogue, ConcurrentConfig batch) {
    this.executor = executor;
    this.catalogue = catalogue;
    this.batch = batch;
  }

  /** The first line of {@code program --version}, such as "git version 2.39.5". */
  public String version(Program program) {
    CommandResult result = executor.run(versionOf(program));
    if (!result.ok()) {
      throw new IllegalStateException(program + " --version exited with " + result.exitCode());
    }
    return firstLine(result);
  }

  /** The versions of several programs, asked for at once, in the order given. */
  public List<String> versions(List<Program> programs) {
    List<SafeCmd> commands = programs.stream().map(this::versionOf).toList();
    return executor.runConcurrent(commands, batch).results().stream().map(ToolVersions::firstLine).toList();
  }

  private SafeCmd versionOf(Program program) {
    // The application's catalogue: its project labels the metrics and spans of the command.
    return Sh.make(program, catalogue).args("--version");
  }

  private static String firstLine(CommandResult result) {
    return result.stdout().lines().findFirst().orElse("");
  }
}
// end::spring-service[]
