package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;

/** A string {@link GitRef} refuses; thrown while a ref or a git command is made. */
public class InvalidGitRefException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final GitRefRejection rejection;

  /** An exception whose message is {@link GitRefRejection#message() the rejection's message}. */
  public InvalidGitRefException(GitRefRejection rejection) {
    super(rejection.message());
    this.rejection = rejection;
  }

  /** The first check the ref failed. */
  public GitRefRejection rejection() {
    return rejection;
  }
}
