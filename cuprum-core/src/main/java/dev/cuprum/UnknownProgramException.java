package dev.cuprum;

/** A program that is not in the catalogue consulted. */
public class UnknownProgramException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final Program program;

  public UnknownProgramException(Program program) {
    super("Program '" + program + "' is not in the catalogue allowlist");
    this.program = program;
  }

  public Program program() {
    return program;
  }
}
