package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Program;
import dev.cuprum.ProgramLocator;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunningCommand;
import dev.cuprum.internal.DefaultCommandExecutor;
import dev.cuprum.internal.run.ExecutorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code cuprum} actuator endpoint: the catalogue with the executable each program resolves
 * to on this host, whether the allowlist is enforced, the executor's defaults, and the commands
 * running now (argv masked as in every other Cuprum output).
 *
 * <p>Durations are ISO-8601 strings. The enforcement and the defaults are known for executors
 * built by {@link CommandExecutor#builder()}; for other implementations they are null.
 */
@Endpoint(id = "cuprum", defaultAccess = Access.READ_ONLY)
public class CuprumEndpoint {

  private final CommandExecutor executor;
  private final ProgramLocator locator;

  public CuprumEndpoint(CommandExecutor executor, ProgramLocator locator) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  @ReadOperation
  public CuprumDescriptor cuprum() {
    ExecutorConfig config = executor instanceof DefaultCommandExecutor built ? built.config() : null;
    Map<String, ProjectDescriptor> projects = new LinkedHashMap<>();
    for (ProjectSettings project : executor.catalogue().visibleSettings().values()) {
      projects.put(project.name(), new ProjectDescriptor(
          project.programs().stream().map(this::describe).toList(), project.documentationLocations(),
          project.noiseRules()));
    }
    return new CuprumDescriptor(config != null ? config.enforceAllowlist() : null,
        executor.catalogue().allowlist().stream().map(Program::name).toList(), projects,
        config != null ? DefaultsDescriptor.of(config.defaultContext()) : null,
        executor.runningCommands().stream().map(RunningCommandDescriptor::of).toList());
  }

  private ProgramDescriptor describe(Program program) {
    return new ProgramDescriptor(program.name(), locator.locate(program).map(Path::toString).orElse(null));
  }

  /**
   * What the endpoint reports.
   *
   * @param enforceAllowlist whether only catalogue programs may run; null when unknown
   * @param allowlist every catalogue program, in registration order
   * @param projects the catalogue's projects by name, in registration order
   * @param defaults the context of runs that give none; null when unknown
   * @param running the commands started and not yet exited, oldest first
   */
  public record CuprumDescriptor(@Nullable Boolean enforceAllowlist, List<String> allowlist,
      Map<String, ProjectDescriptor> projects, @Nullable DefaultsDescriptor defaults,
      List<RunningCommandDescriptor> running) implements OperationResponseBody {}

  /**
   * One project of the catalogue.
   *
   * @param programs its programs, in registration order
   * @param documentationLocations its documentation links
   * @param noiseRules its noise rules
   */
  public record ProjectDescriptor(List<ProgramDescriptor> programs, List<String> documentationLocations,
      List<String> noiseRules) {}

  /**
   * One program and where it is on this host.
   *
   * @param name the name or absolute path the catalogue lists
   * @param path the executable file it resolves to; null when none is found
   */
  public record ProgramDescriptor(String name, @Nullable String path) {}

  /**
   * The executor's default context.
   *
   * @param timeout the default timeout; null for none
   * @param cancelGrace the time between SIGTERM and SIGKILL
   * @param charset the output and stdin charset
   * @param drainTimeout how long output is read after the process exits
   * @param maxCaptureBytes the most bytes captured per stream
   */
  public record DefaultsDescriptor(@Nullable String timeout, String cancelGrace, String charset,
      String drainTimeout, long maxCaptureBytes) {

    static DefaultsDescriptor of(ExecutionContext context) {
      Duration timeout = context.timeout();
      return new DefaultsDescriptor(timeout != null ? timeout.toString() : null, context.cancelGrace().toString(),
          context.charset().name(), context.drainTimeout().toString(), context.maxCaptureBytes());
    }
  }

  /**
   * A command running now.
   *
   * @param program the program
   * @param pid the process id, or -1
   * @param startedAt when it was spawned, ISO-8601
   * @param elapsed how long it has been running
   * @param argv the argv with the program, secrets masked
   */
  public record RunningCommandDescriptor(String program, long pid, String startedAt, String elapsed,
      List<String> argv) {

    static RunningCommandDescriptor of(RunningCommand command) {
      return new RunningCommandDescriptor(command.program().name(), command.pid(), command.startedAt().toString(),
          command.elapsed().toString(), command.argv());
    }
  }
}
