package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.spring.autoconfigure.CuprumProperties;
import dev.cuprum.spring.autoconfigure.InvalidCuprumPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The programs of {@code cuprum.health.required-programs}, checked against the catalogue. */
final class RequiredPrograms {

  private RequiredPrograms() {}

  /** The listed programs, or every catalogue program when the property is unset. */
  static List<Program> of(ProgramCatalogue catalogue, CuprumProperties.Health health) {
    List<String> names = health.getRequiredPrograms();
    if (names == null) {
      return List.copyOf(catalogue.allowlist());
    }
    List<Program> required = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!catalogue.isAllowed(name)) {
        throw new InvalidCuprumPropertyException("cuprum.health.required-programs[" + i + "]", name,
            "it is not a program of the catalogue", "List only catalogue programs: "
                + catalogue.allowlist().stream().map(Program::name).collect(Collectors.joining(", ")) + ".");
      }
      required.add(Program.of(name));
    }
    return required;
  }
}
