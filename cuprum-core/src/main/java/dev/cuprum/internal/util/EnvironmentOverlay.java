package dev.cuprum.internal.util;

import dev.cuprum.InvalidArgumentException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Environment variables laid over the JVM's environment for a child process. Overlays never
 * change the JVM's own environment.
 */
public final class EnvironmentOverlay {

  private EnvironmentOverlay() {}

  /**
   * A read-only copy of an overlay, in its iteration order, after checking that every name and
   * value can be passed to a process.
   *
   * @param invalid makes the exception thrown for an unusable name or value, from its message
   * @throws RuntimeException from {@code invalid} for an empty name, a name with {@code =}, or a NUL
   *     character
   */
  public static Map<String, String> copyOf(
      Map<String, String> overlay, Function<String, ? extends RuntimeException> invalid) {
    if (overlay.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    overlay.forEach((name, value) -> {
      if (name == null || value == null) {
        throw new NullPointerException("environment overlays cannot hold null names or values");
      }
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw invalid.apply("Invalid environment variable name '" + name + "'");
      }
      if (value.indexOf('\0') >= 0) {
        throw invalid.apply("Environment variable '" + name + "' contains a NUL character");
      }
      copy.put(name, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  /** The child's overlay when {@code inner} is laid over {@code outer}: inner values win. */
  public static Map<String, String> merge(Map<String, String> outer, Map<String, String> inner) {
    if (inner.isEmpty()) {
      return outer;
    }
    if (outer.isEmpty()) {
      return inner;
    }
    Map<String, String> merged = new LinkedHashMap<>(outer);
    merged.putAll(inner);
    return Collections.unmodifiableMap(merged);
  }
}
