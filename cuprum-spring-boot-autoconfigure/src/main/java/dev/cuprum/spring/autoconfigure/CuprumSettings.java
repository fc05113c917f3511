package dev.cuprum.spring.autoconfigure;

import dev.cuprum.DuplicateProgramException;
import dev.cuprum.DuplicateProjectException;
import dev.cuprum.ExecutionContext;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.InvalidNoiseRuleException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.micrometer.ExecObservationConvention;
import dev.cuprum.micrometer.ObservationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link CuprumProperties} into core objects, checking every value on the way so that a
 * bad one is reported under its property name rather than as a core error without one.
 */
final class CuprumSettings {

  static final String PROJECTS = "cuprum.catalogue.projects";

  private static final Pattern SIMPLE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private CuprumSettings() {}

  /** The catalogue: the default projects unless left out, then the configured ones in order. */
  static ProgramCatalogue catalogue(CuprumProperties.Catalogue properties) {
    List<ProjectSettings> projects = new ArrayList<>();
    if (properties.isIncludeDefaults()) {
      projects.addAll(ProgramCatalogue.defaults().projects());
    }
    for (Map.Entry<String, CuprumProperties.Project> entry : properties.getProjects().entrySet()) {
      projects.add(project(entry.getKey(), entry.getValue()));
    }
    try {
      return ProgramCatalogue.of(projects);
    } catch (DuplicateProjectException e) {
      throw new InvalidCuprumPropertyException(projectProperty(e.projectName()), e.projectName(),
          "the default catalogue already has a project named '" + e.projectName() + "'",
          "Rename the project, or set cuprum.catalogue.include-defaults=false to leave the default projects out.", e);
    } catch (DuplicateProgramException e) {
      throw duplicateProgram(properties, e);
    }
  }

  private static ProjectSettings project(String name, CuprumProperties.Project project) {
    String property = projectProperty(name);
    if (name.isBlank()) {
      throw new InvalidCuprumPropertyException(property, name, "a project name cannot be blank",
          "Give the project a name under " + PROJECTS + ".");
    }
    if (project.getPrograms().isEmpty()) {
      throw new InvalidCuprumPropertyException(property + ".programs", project.getPrograms(),
          "the project lists no program, so it would allow nothing",
          "List the project's programs under " + property + ".programs, or remove the project.");
    }
    List<Program> programs = new ArrayList<>();
    for (int i = 0; i < project.getPrograms().size(); i++) {
      String program = project.getPrograms().get(i);
      if (!program.isBlank() && program.chars().anyMatch(Character::isWhitespace)) {
        throw new InvalidCuprumPropertyException(property + ".programs[" + i + "]", program,
            "a program name cannot contain whitespace",
            "List each program separately, as a YAML list ([git, tar]) or comma-separated (git,tar).");
      }
      try {
        programs.add(Program.of(program));
      } catch (InvalidArgumentException e) {
        throw new InvalidCuprumPropertyException(property + ".programs[" + i + "]", program,
            "it is not a program name: " + e.getMessage(),
            "Use a name looked up on the PATH, such as 'git', or an absolute path, such as '/usr/bin/git'.", e);
      }
    }
    try {
      return ProjectSettings.builder(name)
          .programs(programs)
          .documentationLocations(project.getDocumentationLocations())
          .noiseRules(project.getNoiseRules())
          .build();
    } catch (InvalidNoiseRuleException e) {
      throw new InvalidCuprumPropertyException(property + ".noise-rules[" + project.getNoiseRules().indexOf(e.pattern())
          + "]", e.pattern(), "it is not a regular expression: "
          + (e.getCause() instanceof PatternSyntaxException syntax ? syntax.getDescription() : e.getMessage()),
          "Fix the expression (java.util.regex syntax), or remove the rule.", e);
    }
  }

  /**
   * The core reports a program's second listing, scanning projects and programs in order; the
   * second listing is the property to fix, and the default projects never list one twice.
   */
  private static InvalidCuprumPropertyException duplicateProgram(CuprumProperties.Catalogue properties,
      DuplicateProgramException e) {
    String name = e.program().name();
    boolean listedByDefaults = properties.isIncludeDefaults() && ProgramCatalogue.defaults().isAllowed(name);
    boolean seen = listedByDefaults;
    for (Map.Entry<String, CuprumProperties.Project> entry : properties.getProjects().entrySet()) {
      List<String> programs = entry.getValue().getPrograms();
      for (int i = 0; i < programs.size(); i++) {
        if (!name.equals(programs.get(i))) {
          continue;
        }
        if (seen) {
          String action = listedByDefaults ? "Remove it from this project, or set "
              + "cuprum.catalogue.include-defaults=false to leave the default projects out."
              : "List the program in one project only.";
          throw new InvalidCuprumPropertyException(projectProperty(entry.getKey()) + ".programs[" + i + "]", name,
              "the program is already listed by " + (listedByDefaults ? "the default project '" : "project '")
                  + e.owner() + "'", action, e);
        }
        seen = true;
      }
    }
    throw e;
  }

  /** The context of runs that give none, from {@code cuprum.defaults.*}. */
  static ExecutionContext defaultContext(CuprumProperties.Defaults defaults) {
    Duration timeout = defaults.getTimeout();
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new InvalidCuprumPropertyException("cuprum.defaults.timeout", timeout, "the timeout must be positive",
          "Set a positive duration, such as 30s, or remove the property for no time limit.");
    }
    requireNotNegative("cuprum.defaults.cancel-grace", defaults.getCancelGrace());
    requireNotNegative("cuprum.defaults.drain-timeout", defaults.getDrainTimeout());
    long maxCaptureBytes = defaults.getMaxCaptureBytes().toBytes();
    if (maxCaptureBytes <= 0) {
      throw new InvalidCuprumPropertyException("cuprum.defaults.max-capture-bytes", defaults.getMaxCaptureBytes(),
          "the capture limit must be positive", "Set a positive size, such as 16MB.");
    }
    List<String> allowedEnvKeys = defaults.getAllowedEnvKeys();
    for (int i = 0; i < allowedEnvKeys.size(); i++) {
      String key = allowedEnvKeys.get(i);
      if (key.isBlank() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
        throw new InvalidCuprumPropertyException("cuprum.defaults.allowed-env-keys[" + i + "]", key,
            "it is not an environment variable name", "Give the variable's exact name, such as LD_LIBRARY_PATH.");
      }
    }
    return ExecutionContext.builder()
        .timeout(timeout)
        .cancelGrace(defaults.getCancelGrace())
        .charset(defaults.getCharset())
        .drainTimeout(defaults.getDrainTimeout())
        .maxCaptureBytes(maxCaptureBytes)
        .allowedEnvKeys(allowedEnvKeys)
        .build();
  }

  /** The batch settings of {@code cuprum.concurrency.*}. */
  static ConcurrentConfig concurrentConfig(CuprumProperties.Concurrency concurrency) {
    Integer maxConcurrency = concurrency.getMaxConcurrency();
    if (maxConcurrency != null && maxConcurrency < 1) {
      throw new InvalidCuprumPropertyException("cuprum.concurrency.max-concurrency", maxConcurrency,
          "at least one command must be able to run", "Set 1 or more, or remove the property for no limit.");
    }
    return ConcurrentConfig.builder().concurrency(maxConcurrency).failFast(concurrency.isFailFast()).build();
  }

  /** The options of {@code cuprum.observations.*}, with the application's convention if it has one. */
  static ObservationOptions observationOptions(CuprumProperties.Observations observations,
      @Nullable ExecObservationConvention convention) {
    if (observations.getMaxOutputEvents() < 0) {
      throw new InvalidCuprumPropertyException("cuprum.observations.max-output-events",
          observations.getMaxOutputEvents(), "the number of output events cannot be negative",
          "Set 0 or more; cuprum.observations.record-output=false records none.");
    }
    return ObservationOptions.builder()
        .recordOutput(observations.isRecordOutput())
        .maxOutputEvents(observations.getMaxOutputEvents())
        .convention(convention)
        .recordArgv(observations.isRecordArgv())
        .propagateTraceContext(observations.isPropagateTraceContext())
        .build();
  }

  /** The bucket bounds of {@code cuprum.observations.timer-buckets}: positive and ascending. */
  static List<Duration> timerBuckets(List<Duration> buckets) {
    for (int i = 0; i < buckets.size(); i++) {
      Duration bound = buckets.get(i);
      if (bound.isZero() || bound.isNegative() || i > 0 && bound.compareTo(buckets.get(i - 1)) <= 0) {
        throw new InvalidCuprumPropertyException("cuprum.observations.timer-buckets[" + i + "]", bound,
            "bucket bounds must be positive and ascending", "List positive durations from the shortest to the "
                + "longest, such as [10ms, 100ms, 1s], or none for no histogram.");
      }
    }
    return List.copyOf(buckets);
  }

  /** Checks the pool sizing of {@code cuprum.task-execution.*}. */
  static void checkPool(CuprumProperties.TaskExecution pool) {
    if (pool.getCoreSize() < 0) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.core-size", pool.getCoreSize(),
          "the core size cannot be negative", "Set 0 or more.");
    }
    checkMaxSize(pool);
    if (pool.getMaxSize() < pool.getCoreSize()) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.max-size", pool.getMaxSize(),
          "the maximum size must be at least cuprum.task-execution.core-size (" + pool.getCoreSize() + ")",
          "Raise the maximum size, or lower the core size.");
    }
    if (pool.getQueueCapacity() < 0) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.queue-capacity", pool.getQueueCapacity(),
          "the queue capacity cannot be negative", "Set 0 for no queue, or a positive capacity.");
    }
    requireNotNegative("cuprum.task-execution.keep-alive", pool.getKeepAlive());
  }

  /** Checks {@code cuprum.task-execution.max-size}, the one sizing that virtual threads use. */
  static void checkMaxSize(CuprumProperties.TaskExecution pool) {
    if (pool.getMaxSize() < 1) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.max-size", pool.getMaxSize(),
          "at least one task must be able to run", "Set 1 or more.");
    }
  }

  static void requireNotNegative(String property, Duration duration) {
    if (duration.isNegative()) {
      throw new InvalidCuprumPropertyException(property, duration, "the duration cannot be negative",
          "Set 0 or a positive duration, such as 500ms.");
    }
  }

  /** The canonical property of a project, in bracket form when the key needs it. */
  static String projectProperty(String name) {
    return SIMPLE_KEY.matcher(name).matches() ? PROJECTS + "." + name : PROJECTS + "[" + name + "]";
  }
}
