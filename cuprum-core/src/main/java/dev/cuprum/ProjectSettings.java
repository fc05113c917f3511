package dev.cuprum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A group of programs that belong to one project, with metadata for downstream consumers.
 *
 * <p>Noise rules and documentation locations are never applied by Cuprum itself; they travel
 * with every command ({@link SafeCmd#project()}) so that log shippers and dashboards can use
 * them. Noise rules must compile as regular expressions; an invalid one is rejected here.
 *
 * @param name the project name, unique within a catalogue
 * @param programs the programs the project owns, in registration order
 * @param documentationLocations links for operators and reviewers
 * @param noiseRules regular expressions matching output lines that consumers may drop
 */
public record ProjectSettings(
    String name, List<Program> programs, List<String> documentationLocations, List<String> noiseRules) {

  public ProjectSettings {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new InvalidArgumentException("Project name cannot be blank");
    }
    programs = List.copyOf(programs);
    documentationLocations = List.copyOf(documentationLocations);
    noiseRules = List.copyOf(noiseRules);
    for (String rule : noiseRules) {
      try {
        Pattern.compile(rule);
      } catch (PatternSyntaxException e) {
        throw new InvalidNoiseRuleException(name, rule, e);
      }
    }
  }

  /** Whether this project lists the program. */
  public boolean owns(Program program) {
    return programs.contains(program);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link ProjectSettings}; every list starts empty. */
  public static final class Builder {

    private String name;
    private final List<Program> programs = new ArrayList<>();
    private final List<String> documentationLocations = new ArrayList<>();
    private final List<String> noiseRules = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder programs(List<Program> programs) {
      this.programs.clear();
      this.programs.addAll(programs);
      return this;
    }

    public Builder programs(Program... programs) {
      return programs(Arrays.asList(programs));
    }

    public Builder documentationLocations(List<String> locations) {
      this.documentationLocations.clear();
      this.documentationLocations.addAll(locations);
      return this;
    }

    public Builder documentationLocations(String... locations) {
      return documentationLocations(Arrays.asList(locations));
    }

    public Builder noiseRules(List<String> rules) {
      this.noiseRules.clear();
      this.noiseRules.addAll(rules);
      return this;
    }

    public Builder noiseRules(String... rules) {
      return noiseRules(Arrays.asList(rules));
    }

    public ProjectSettings build() {
      return new ProjectSettings(name, programs, documentationLocations, noiseRules);
    }
  }
}
