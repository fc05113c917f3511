package dev.cuprum;

/** Two projects of one catalogue with the same name. */
public class DuplicateProjectException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final String projectName;

  public DuplicateProjectException(String projectName) {
    super("Project '" + projectName + "' registered more than once");
    this.projectName = projectName;
  }

  public String projectName() {
    return projectName;
  }
}
