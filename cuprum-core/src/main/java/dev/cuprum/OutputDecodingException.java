package dev.cuprum;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/**
 * Output that is not valid in the run's charset while
 * {@link ExecutionContext#malformedInput()} is {@code REPORT}. The process has exited.
 */
public class OutputDecodingException extends CuprumException {

  private static final long serialVersionUID = 1L;

  public OutputDecodingException(String stream, Charset charset, CharacterCodingException cause) {
    super("The " + stream + " of the command is not valid " + charset.name() + ": " + cause, cause);
  }
}
