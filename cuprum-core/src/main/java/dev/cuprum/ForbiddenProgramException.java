package dev.cuprum;

import java.util.Objects;

/**
 * A program that may not run: the executor enforces its catalogue's allowlist and the catalogue
 * does not list it, or the allowlist of the calling thread's scope does not. Nothing was started.
 */
public class ForbiddenProgramException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final Program program;
  private final RefusalReason reason;

  /**
   * @param program the refused program
   * @param reason which allowlist refused it
   */
  public ForbiddenProgramException(Program program, RefusalReason reason) {
    super("Program '" + program + "' is not allowed: " + Objects.requireNonNull(reason, "reason").explanation());
    this.program = program;
    this.reason = reason;
  }

  public Program program() {
    return program;
  }

  /** Which allowlist refused the program. */
  public RefusalReason reason() {
    return reason;
  }

  /**
   * Whether the refusing allowlist restricted what may run: always true, since only a restricted
   * allowlist refuses. Kept for the Python library's {@code restricted_state} log field.
   */
  public boolean restrictedState() {
    return true;
  }
}
