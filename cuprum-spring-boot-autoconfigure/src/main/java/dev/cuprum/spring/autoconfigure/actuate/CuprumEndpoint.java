package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.Program;
import dev.cuprum.ProgramLocator;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunningCommand;
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
 * <p>Everything is read from {@link CommandExecutor#settings()}, so an executor wrapped by an
 * application reports what the executor underneath does. A pinned program reports the file it
 * was pinned to, which is what runs; any other program the file the JVM's {@code PATH} finds now.
 * Durations are ISO-8601 strings.
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
    ExecutorSettings settings = executor.settings();
    Map<String, ProjectDescriptor> projects = new LinkedHashMap<>();
    for (ProjectSettings project : settings.catalogue().visibleSettings().values()) {
      projects.put(project.name(), new ProjectDescriptor(
          project.programs().stream().map(program -> describe(program, settings)).toList(),
          project.documentationLocations(), project.noiseRules()));
    }
    return new CuprumDescriptor(executor.launcher(), settings.enforceAllowlist(),
        settings.catalogue().allowlist().stream().map(Program::name).toList(), projects,
        DefaultsDescriptor.of(settings.defaultContext()),
        executor.runningCommands().stream().map(RunningCommandDescriptor::of).toList());
  }

  private ProgramDescriptor describe(Program program, ExecutorSettings settings) {
    return new ProgramDescriptor(program.name(),
        ProgramFiles.of(program, settings, locator).map(Path::toString).orElse(null),
        settings.pinnedPrograms().containsKey(program));
  }

  /**
   * What the endpoint reports.
   *
   * @param launcher how processes start ({@code native: posix_spawn ...} or {@code jdk: ProcessBuilder}),
   *     with the reason when the native launcher is not used
   * @param enforceAllowlist whether only catalogue programs may run
   * @param allowlist every catalogue program, in registration order
   * @param projects the catalogue's projects by name, in registration order
   * @param defaults the context of runs that give none
   * @param running the commands started and not yet exited, oldest first
   */
  public record CuprumDescriptor(String launcher, boolean enforceAllowlist, List<String> allowlist,
      Map<String, ProjectDescriptor> projects, DefaultsDescriptor defaults,
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
   * @param path the executable file it runs from; null when none is found
   * @param pinned whether the file was fixed when the executor was built
   */
  public record ProgramDescriptor(String name, @Nullable String path, boolean pinned) {}

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

    /** @param context a resolved context, as {@link ExecutorSettings#defaultContext()} */
    static DefaultsDescriptor of(ExecutionContext context) {
      Duration timeout = context.timeout();
      return new DefaultsDescriptor(timeout != null ? timeout.toString() : null,
          Objects.requireNonNull(context.cancelGrace()).toString(), Objects.requireNonNull(context.charset()).name(),
          Objects.requireNonNull(context.drainTimeout()).toString(), Objects.requireNonNull(context.maxCaptureBytes()));
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
