package dev.cuprum.internal.util;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How Cuprum hides sensitive values in everything meant for people. An environment variable holds
 * one when its name, in any case, contains {@code password}, {@code passwd}, {@code passphrase},
 * {@code secret}, {@code token}, {@code key} or {@code credential}; has a {@code _}-separated part
 * {@code PASS} or {@code PWD} ({@code DB_PASS}, {@code MYSQL_PWD}); ends with {@code PASS}
 * ({@code SSHPASS}); or is one of git's {@code GIT_CONFIG_VALUE_n}. {@code PWD} and
 * {@code OLDPWD}, the working directories, are not secret. Secret arguments are hidden too, and
 * of an option argument {@code --name=value} both the whole and the value.
 */
public final class Masking {

  /** What a hidden value looks like. */
  public static final String MASK = "******";

  private static final String[] SENSITIVE_FRAGMENTS = {
      "password", "passwd", "passphrase", "secret", "token", "key", "credential"};
  private static final Pattern GIT_CONFIG_VALUE = Pattern.compile("GIT_CONFIG_VALUE_\\d+");

  private Masking() {}

  /** Whether an environment variable of this name holds a value to hide. */
  public static boolean isSensitiveKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String fragment : SENSITIVE_FRAGMENTS) {
      if (lower.contains(fragment)) {
        return true;
      }
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("PWD") || upper.equals("OLDPWD")) {
      return false;
    }
    for (String part : upper.split("_")) {
      if (part.equals("PASS") || part.equals("PWD")) {
        return true;
      }
    }
    return upper.endsWith("PASS") || GIT_CONFIG_VALUE.matcher(upper).matches();
  }

  /**
   * The values to hide for one secret argument: the argument, and for an option {@code --name=value}
   * its value too, since a program that prints it prints the value alone.
   */
  public static List<String> secretParts(String argument) {
    int equals = argument.indexOf('=');
    if (argument.startsWith("--") && equals > 2 && equals < argument.length() - 1) {
      return List.of(argument, argument.substring(equals + 1));
    }
    return List.of(argument);
  }

  /** The non-empty values of the sensitive variables of an environment map. */
  public static List<String> sensitiveValues(Map<String, String> env) {
    return env.entrySet().stream().filter(entry -> isSensitiveKey(entry.getKey()))
        .map(Map.Entry::getValue).filter(value -> !value.isEmpty()).toList();
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
