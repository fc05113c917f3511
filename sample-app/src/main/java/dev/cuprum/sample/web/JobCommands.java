package dev.cuprum.sample.web;

import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.UnknownProgramException;
import dev.cuprum.sample.config.SampleProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The commands of {@code sample.jobs}, built once at startup against the application's catalogue:
 * a job whose program the catalogue does not list stops the application, not a request.
 */
@Component
final class JobCommands {

  private final Map<String, SafeCmd> jobs;

  JobCommands(SampleProperties properties, ProgramCatalogue catalogue) {
    Map<String, SafeCmd> built = new LinkedHashMap<>();
    properties.jobs().forEach((name, argv) -> {
      if (argv.isEmpty()) {
        throw new IllegalStateException("sample.jobs." + name + " is empty: give the program, then its arguments");
      }
      try {
        built.put(name, Sh.make(Program.of(argv.get(0)), catalogue).args(argv.subList(1, argv.size()), Map.of()));
      } catch (UnknownProgramException e) {
        throw new IllegalStateException("sample.jobs." + name + " runs " + argv.get(0)
            + ", which the catalogue (cuprum.catalogue.*) does not list", e);
      }
    });
    this.jobs = Map.copyOf(built);
  }

  /** The job of that name. */
  SafeCmd command(String name) {
    SafeCmd cmd = jobs.get(name);
    if (cmd == null) {
      throw new BadRequestException("no job is named '" + name + "'; the jobs are " + names());
    }
    return cmd;
  }

  /** The job names, sorted. */
  Set<String> names() {
    return new TreeSet<>(jobs.keySet());
  }
}
