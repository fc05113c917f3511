package dev.cuprum.internal.util;

import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Gives a run's results the secret values it knew beyond its secret arguments (the values of
 * sensitive environment variables, other stages' secrets), so that texts made from a result alone,
 * such as {@code requireOk()}'s exception message, hide them too. The argv type installs how.
 */
public final class SecretValues {

  private static volatile BiFunction<List<String>, Collection<String>, List<String>> attach = (argv, values) -> argv;
  private static volatile BiFunction<List<String>, String, String> mask = (argv, text) -> text;

  private SecretValues() {}

  /** Called once, by the argv type as it loads. */
  public static void install(BiFunction<List<String>, Collection<String>, List<String>> attacher,
      BiFunction<List<String>, String, String> masker) {
    attach = attacher;
    mask = masker;
  }

  /** {@code text} with every secret {@code argv} knows (see {@link #attach}) masked. */
  public static String maskIn(List<String> argv, String text) {
    return mask.apply(argv, text);
  }

  /** {@code argv}, unchanged as a list, that also hides {@code values} in the texts made from it. */
  public static List<String> attach(List<String> argv, Collection<String> values) {
    return attach.apply(argv, values);
  }
}
