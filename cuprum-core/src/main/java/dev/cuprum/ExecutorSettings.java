package dev.cuprum;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an executor does when a call says nothing: read it to report or check an executor's
 * configuration, whatever wraps the executor.
 *
 * @param catalogue the executor's catalogue: it decides which project a command reports
 * @param enforceAllowlist whether only the catalogue's programs may run, whatever the scopes say
 * @param defaultContext the context of a run that gives none, every inheritable component set
 *     (see {@link ExecutionContext}); its timeout is the executor's default timeout
 * @param pinnedPrograms the file each program runs from when programs were pinned when the
 *     executor was built; empty otherwise
 */
public record ExecutorSettings(
    ProgramCatalogue catalogue, boolean enforceAllowlist, ExecutionContext defaultContext,
    Map<Program, Path> pinnedPrograms) {

  public ExecutorSettings {
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(defaultContext, "defaultContext");
    pinnedPrograms = Collections.unmodifiableMap(new LinkedHashMap<>(pinnedPrograms));
  }
}
