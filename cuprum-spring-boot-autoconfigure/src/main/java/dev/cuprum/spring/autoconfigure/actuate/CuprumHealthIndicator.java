package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProgramLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the executor's catalogue programs can run on this host: each must resolve to an
 * executable file, its pinned file when programs are pinned, otherwise by absolute path or on
 * the JVM's {@code PATH}. An empty catalogue is DOWN: nothing could run. An executor that has shut
 * down, as it does when the application stops, is OUT_OF_SERVICE.
 *
 * <p>Only the required programs decide the status: UP when all of them resolve, DOWN otherwise.
 * The details list every catalogue program with its project, whether it is required and the
 * file it resolves to (null when missing), then the missing required and optional programs by
 * name.
 */
public class CuprumHealthIndicator extends AbstractHealthIndicator {

  private final CommandExecutor executor;
  private final Set<Program> required;
  private final ProgramLocator locator;

  /**
   * @param executor the executor whose {@link CommandExecutor#settings() settings} are checked
   * @param required the programs that decide the status, all from the executor's catalogue
   * @param locator how programs that are not pinned are found
   */
  public CuprumHealthIndicator(CommandExecutor executor, List<Program> required, ProgramLocator locator) {
    super("Cuprum program check failed");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.required = Set.copyOf(required);
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (executor.isShutdown()) {
      builder.outOfService().withDetail("reason", "the command executor has shut down");
      return;
    }
    ExecutorSettings settings = executor.settings();
    ProgramCatalogue catalogue = settings.catalogue();
    if (catalogue.allowlist().isEmpty()) {
      builder.down().withDetail("reason", "the catalogue lists no program");
      return;
    }
    Map<String, Object> programs = new LinkedHashMap<>();
    List<String> missingRequired = new ArrayList<>();
    List<String> missingOptional = new ArrayList<>();
    for (Program program : catalogue.allowlist()) {
      Optional<Path> path = ProgramFiles.of(program, settings, locator);
      boolean isRequired = required.contains(program);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("project", catalogue.projectFor(program).name());
      detail.put("required", isRequired);
      detail.put("path", path.map(Path::toString).orElse(null));
      detail.put("pinned", settings.pinnedPrograms().containsKey(program));
      programs.put(program.name(), detail);
      if (path.isEmpty()) {
        (isRequired ? missingRequired : missingOptional).add(program.name());
      }
    }
    (missingRequired.isEmpty() ? builder.up() : builder.down())
        .withDetail("programs", programs)
        .withDetail("missingRequired", missingRequired)
        .withDetail("missingOptional", missingOptional);
  }
}
