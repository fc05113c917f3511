package dev.cuprum.spring.autoconfigure;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code cuprum.*} property whose value Cuprum cannot use. Thrown while the auto-configured
 * beans are created, so the application does not start; {@link CuprumFailureAnalyzer} turns it
 * into a description and an action.
 */
public class InvalidCuprumPropertyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final @Nullable Object value;
  private final String reason;
  private final String action;

  /**
   * @param property the property, in canonical form ({@code cuprum.defaults.timeout})
   * @param value the value it was bound to
   * @param reason why the value cannot be used
   * @param action what to change
   * @param cause the error the value caused, if any
   */
  public InvalidCuprumPropertyException(String property, @Nullable Object value, String reason, String action,
      @Nullable Throwable cause) {
    super("Invalid value '" + value + "' for property '" + property + "': " + reason, cause);
    this.property = Objects.requireNonNull(property, "property");
    this.value = value;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.action = Objects.requireNonNull(action, "action");
  }

  public InvalidCuprumPropertyException(String property, @Nullable Object value, String reason, String action) {
    this(property, value, reason, action, null);
  }

  /** The property, in canonical form. */
  public String getProperty() {
    return property;
  }

  /** The value the property was bound to. */
  public @Nullable Object getValue() {
    return value;
  }

  /** Why the value cannot be used. */
  public String getReason() {
    return reason;
  }

  /** What to change. */
  public String getAction() {
    return action;
  }
}
