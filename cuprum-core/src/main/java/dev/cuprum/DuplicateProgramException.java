package dev.cuprum;

/** A program listed twice in one catalogue, by two projects or twice by one. */
public class DuplicateProgramException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final Program program;
  private final String owner;

  /**
   * @param program the contested program
   * @param owner the name of the project that registered it first
   */
  public DuplicateProgramException(Program program, String owner) {
    super("Program '" + program + "' already owned by '" + owner + "'");
    this.program = program;
    this.owner = owner;
  }

  public Program program() {
    return program;
  }

  /** The name of the project that registered the program first. */
  public String owner() {
    return owner;
  }
}
