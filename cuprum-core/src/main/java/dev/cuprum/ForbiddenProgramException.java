package dev.cuprum;

/** A program the current context (or the executor's enforced allowlist) does not let run. */
public class ForbiddenProgramException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final Program program;
  private final boolean restrictedState;

  /**
   * @param program the refused program
   * @param restrictedState whether the refusing context was restricted to an allowlist
   */
  public ForbiddenProgramException(Program program, boolean restrictedState) {
    super("Program '" + program + "' is not allowed in the current context");
    this.program = program;
    this.restrictedState = restrictedState;
  }

  public Program program() {
    return program;
  }

  /** Whether the refusing context was restricted to an allowlist. */
  public boolean restrictedState() {
    return restrictedState;
  }
}
