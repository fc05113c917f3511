package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds a summary of the program catalogue under {@code cuprum}: the number of programs and the
 * programs of each project.
 */
public class CuprumInfoContributor implements InfoContributor {

  private final ProgramCatalogue catalogue;

  public CuprumInfoContributor(ProgramCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, List<String>> projects = new LinkedHashMap<>();
    for (ProjectSettings project : catalogue.visibleSettings().values()) {
      projects.put(project.name(), project.programs().stream().map(Program::name).toList());
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("programs", catalogue.allowlist().size());
    summary.put("projects", projects);
    builder.withDetail("cuprum", summary);
  }
}
