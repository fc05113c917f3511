package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;

/** A string {@link SafePath} refuses; thrown while a path or a builder's command is made. */
public class InvalidPathException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final PathRejection rejection;

  /** An exception whose message is {@link PathRejection#message() the rejection's message}. */
  public InvalidPathException(PathRejection rejection) {
    super(rejection.message());
    this.rejection = rejection;
  }

  /** The first check the path failed. */
  public PathRejection rejection() {
    return rejection;
  }
}
