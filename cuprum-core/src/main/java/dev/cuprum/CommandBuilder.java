package dev.cuprum;

import java.util.List;
import java.util.Map;

/**
 * Builds {@link SafeCmd}s for one catalogue program. Obtained from {@link Sh#make(Program)}.
 *
 * <p>Arguments become strings with {@link String#valueOf(Object)}; a {@link Secret} contributes
 * its value and stays masked everywhere else. Options follow the positionals, in the map's
 * iteration order, as {@code --key=value} with every {@code _} in the key turned into {@code -}.
 */
public interface CommandBuilder {

  /**
   * A command with these positional arguments.
   *
   * @throws NullPointerException when an argument is null, naming its position
   * @throws InvalidArgumentException when an argument contains a NUL character or is an array or
   *     collection (pass its elements instead)
   */
  SafeCmd args(Object... positional);

  /**
   * A command with positional arguments followed by {@code --key=value} options.
   *
   * @throws NullPointerException when an argument or option value is null, naming it
   * @throws InvalidArgumentException when an argument contains a NUL character, is an array or
   *     collection, or an option name is blank
   */
  SafeCmd args(List<?> positional, Map<String, ?> options);
}
