package dev.cuprum;

import java.nio.file.Path;

/** A working directory that does not exist or is not a directory; nothing was started. */
public class InvalidWorkingDirectoryException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public InvalidWorkingDirectoryException(Path directory) {
    super("Working directory '" + directory + "' does not exist or is not a directory");
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
