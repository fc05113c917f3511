package dev.cuprum;

import java.io.IOException;

/**
 * The operating system refused to start a program: it was not found, is not executable, or
 * resources ran out. The cause is the JDK's exception.
 */
public class ProcessStartException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final Program program;

  public ProcessStartException(Program program, IOException cause) {
    super("Cannot start program '" + program + "': " + reason(cause), cause);
    this.program = program;
  }

  public Program program() {
    return program;
  }

  private static String reason(IOException cause) {
    // The JDK words it "Cannot run program "x": error=2, No such file or directory".
    String message = String.valueOf(cause.getMessage());
    int errno = message.indexOf("error=");
    return errno >= 0 ? message.substring(errno) : message;
  }
}
