package dev.cuprum.spring.autoconfigure;

import dev.cuprum.DuplicateProgramException;
import dev.cuprum.DuplicateProjectException;
import dev.cuprum.InvalidNoiseRuleException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains why Cuprum stopped the application from starting: a {@code cuprum.*} property it
 * cannot use ({@link InvalidCuprumPropertyException}, with the value as configured and where it
 * came from), or a program catalogue built in code that the core refused.
 */
public final class CuprumFailureAnalyzer implements FailureAnalyzer {

  private final @Nullable Environment environment;

  /** @param environment where to look up configured values and their origins; null without one */
  public CuprumFailureAnalyzer(@Nullable Environment environment) {
    this.environment = environment;
  }

  @Override
  public @Nullable FailureAnalysis analyze(Throwable failure) {
    InvalidCuprumPropertyException property = findCause(failure, InvalidCuprumPropertyException.class);
    if (property != null) {
      return analyze(property);
    }
    DuplicateProjectException duplicateProject = findCause(failure, DuplicateProjectException.class);
    if (duplicateProject != null) {
      return new FailureAnalysis("Cuprum's program catalogue has more than one project named '"
          + duplicateProject.projectName() + "'.", "Give every project of the ProgramCatalogue a unique name.",
          duplicateProject);
    }
    DuplicateProgramException duplicateProgram = findCause(failure, DuplicateProgramException.class);
    if (duplicateProgram != null) {
      return new FailureAnalysis("Cuprum's program catalogue lists the program '" + duplicateProgram.program()
          + "' more than once; project '" + duplicateProgram.owner() + "' lists it first.",
          "List every program in exactly one project of the ProgramCatalogue.", duplicateProgram);
    }
    InvalidNoiseRuleException noiseRule = findCause(failure, InvalidNoiseRuleException.class);
    if (noiseRule != null) {
      return new FailureAnalysis(
          "Cuprum's program catalogue has an invalid noise rule: " + noiseRule.getMessage() + ".",
          "Fix the regular expression (java.util.regex syntax) of project '" + noiseRule.projectName()
              + "', or remove it.", noiseRule);
    }
    return null;
  }

  private FailureAnalysis analyze(InvalidCuprumPropertyException failure) {
    ConfigurationProperty configured = configured(failure.getProperty());
    Object value = configured != null ? configured.getValue() : failure.getValue();
    StringBuilder description = new StringBuilder("Cuprum cannot use the value '").append(value)
        .append("' of the property '").append(failure.getProperty()).append("'");
    if (configured != null && configured.getOrigin() != null) {
      description.append(" (from ").append(configured.getOrigin()).append(")");
    }
    description.append(": ").append(failure.getReason()).append('.');
    return new FailureAnalysis(description.toString(), failure.getAction(), failure);
  }

  private @Nullable ConfigurationProperty configured(String property) {
    if (environment == null || !ConfigurationPropertyName.isValid(property)) {
      return null;
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty configured = source.getConfigurationProperty(name);
      if (configured != null) {
        return configured;
      }
    }
    return null;
  }

  private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
