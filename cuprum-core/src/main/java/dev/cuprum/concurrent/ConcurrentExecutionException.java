package dev.cuprum.concurrent;

import dev.cuprum.CuprumException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch in which at least one command ended with an exception, or which ran out of time. It
 * loses nothing: {@link #partialResult()} holds every command that finished, {@link #errors()}
 * every exception by submission index. The first error is also the cause; the others are
 * suppressed exceptions.
 */
public class ConcurrentExecutionException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final transient ConcurrentResult partialResult;
  private final transient Map<Integer, Throwable> errors;

  public ConcurrentExecutionException(String message, ConcurrentResult partialResult, Map<Integer, Throwable> errors) {
    super(message, errors.isEmpty() ? null : new TreeMap<>(errors).firstEntry().getValue());
    this.partialResult = partialResult;
    this.errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    this.errors.values().stream().skip(1).forEach(this::addSuppressed);
  }

  /** Every command that finished, in submission order. */
  public ConcurrentResult partialResult() {
    return partialResult;
  }

  /** Every exception, by submission index, ascending. */
  public Map<Integer, Throwable> errors() {
    return errors;
  }
}
