package dev.cuprum.internal.util;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How Cuprum hides sensitive values in everything meant for people: environment variables whose
 * name contains {@code password}, {@code secret}, {@code token}, {@code key} or
 * {@code credential} (in any case) show as {@value #MASK}, as do secret arguments.
 */
public final class Masking {

  /** What a hidden value looks like. */
  public static final String MASK = "******";

  private static final String[] SENSITIVE_FRAGMENTS = {"password", "secret", "token", "key", "credential"};

  private Masking() {}

  /** Whether an environment variable of this name holds a value to hide. */
  public static boolean isSensitiveKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String fragment : SENSITIVE_FRAGMENTS) {
      if (lower.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** A read-only copy of an environment map with every sensitive value masked. */
  public static Map<String, String> maskEnv(Map<String, String> env) {
    if (env.isEmpty()) {
      return Map.of();
    }
    Map<String, String> masked = new LinkedHashMap<>(env);
    masked.replaceAll((name, value) -> isSensitiveKey(name) ? MASK : value);
    return Collections.unmodifiableMap(masked);
  }
}
