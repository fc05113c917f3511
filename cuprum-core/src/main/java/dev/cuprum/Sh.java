package dev.cuprum;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Entry points for building commands. */
public final class Sh {

  private Sh() {}

  /**
   * A builder for a program of the default catalogue.
   *
   * @throws UnknownProgramException when the default catalogue does not list the program
   */
  public static CommandBuilder make(Program program) {
    return make(program, ProgramCatalogue.defaults());
  }

  /**
   * A builder for a program of the given catalogue. The program is looked up now, so an unknown
   * program fails here rather than when a command runs.
   *
   * @throws UnknownProgramException when the catalogue does not list the program
   */
  public static CommandBuilder make(Program program, ProgramCatalogue catalogue) {
    ProgramEntry entry = catalogue.lookup(program);
    return new CommandBuilder() {
      @Override
      public SafeCmd args(Object... positional) {
        return new SafeCmd(entry.program(), buildArgv(positional), entry.project());
      }

      @Override
      public SafeCmd args(List<?> positional, Map<String, ?> options) {
        return new SafeCmd(entry.program(), buildArgv(positional, options), entry.project());
      }

      @Override
      public String toString() {
        return "CommandBuilder[" + entry.program() + "]";
      }
    };
  }

  /** The argv (without a program) that {@link CommandBuilder#args(Object...)} would build. */
  public static List<String> buildArgv(Object... positional) {
    return buildArgv(Arrays.asList(positional), Map.of());
  }

  /**
   * The argv (without a program) that {@link CommandBuilder#args(List, Map)} would build.
   */
  public static List<String> buildArgv(List<?> positional, Map<String, ?> options) {
    Objects.requireNonNull(positional, "positional");
    Objects.requireNonNull(options, "options");
    String[] values = new String[positional.size() + options.size()];
    BitSet secrets = new BitSet();
    int i = 0;
    for (Object argument : positional) {
      if (argument == null) {
        throw new NullPointerException(
            "null is not a valid argv element for Sh.make (positional argument " + i + ")");
      }
      rejectContainer(argument, "positional argument " + i);
      if (argument instanceof Secret) {
        secrets.set(i);
      }
      values[i++] = stringify(argument);
    }
    for (Map.Entry<String, ?> option : options.entrySet()) {
      String key = Objects.requireNonNull(option.getKey(), "option name");
      if (key.isBlank()) {
        throw new InvalidArgumentException("option names cannot be blank");
      }
      Object value = option.getValue();
      if (value == null) {
        throw new NullPointerException(
            "null is not a valid argv element for Sh.make (option '" + key + "')");
      }
      rejectContainer(value, "option '" + key + "'");
      if (value instanceof Secret) {
        secrets.set(i);
      }
      values[i++] = "--" + key.replace('_', '-') + "=" + stringify(value);
    }
    return Argv.of(values, secrets);
  }

  /**
   * An argument that reaches the process verbatim but shows as {@value Secret#MASK} in events,
   * logs, spans, exception messages and {@code toString()}.
   */
  public static Secret secret(String value) {
    return new Secret(value);
  }

  private static String stringify(Object argument) {
    return argument instanceof Secret secret ? secret.value() : String.valueOf(argument);
  }

  private static void rejectContainer(Object argument, String where) {
    if (argument instanceof Collection<?> || argument instanceof Map<?, ?> || argument.getClass().isArray()) {
      throw new InvalidArgumentException(where + " is a " + argument.getClass().getSimpleName()
          + "; pass its elements as separate arguments");
    }
  }
}
