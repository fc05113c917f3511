package dev.cuprum;

import java.util.regex.PatternSyntaxException;

/** A project's noise rule that does not compile as a regular expression. */
public class InvalidNoiseRuleException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final String projectName;
  private final String pattern;

  public InvalidNoiseRuleException(String projectName, String pattern, PatternSyntaxException cause) {
    super("Project '" + projectName + "' has an invalid noise rule '" + pattern + "': "
        + cause.getDescription(), cause);
    this.projectName = projectName;
    this.pattern = pattern;
  }

  public String projectName() {
    return projectName;
  }

  public String pattern() {
    return pattern;
  }
}
