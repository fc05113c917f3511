package dev.cuprum;

import org.jspecify.annotations.Nullable;

/** The root of every exception Cuprum throws. All are unchecked. */
public class CuprumException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CuprumException(String message) {
    super(message);
  }

  public CuprumException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
