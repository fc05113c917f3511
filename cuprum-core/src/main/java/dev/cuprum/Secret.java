package dev.cuprum;

import dev.cuprum.internal.util.Masking;
import java.util.Objects;

/**
 * An argument whose value reaches the process but nothing else: events, logs, spans, exception
 * messages and {@code toString()} show {@value #MASK} in its place. Create it with
 * {@link Sh#secret(String)}.
 */
public final class Secret {

  /** What a secret looks like everywhere but in the process's argv. */
  public static final String MASK = Masking.MASK;

  private final String value;

  Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  String value() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
