package dev.cuprum;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command that exited with a non-zero status where the caller required success
 * ({@link CommandResult#requireOk()}). The message gives the exit code, the argv with secrets
 * masked and the last lines of stderr; {@link #result()} has everything.
 */
public class NonZeroExitException extends CuprumException {

  private static final long serialVersionUID = 1L;
  private static final int TAIL_LINES = 5;
  private static final int TAIL_CHARS = 1000;

  private final CommandResult result;

  public NonZeroExitException(CommandResult result) {
    super(message(Objects.requireNonNull(result, "result")));
    this.result = result;
  }

  /** The result of the command, stdout and stderr as captured. */
  public CommandResult result() {
    return result;
  }

  private static String message(CommandResult result) {
    Argv argv = (Argv) result.argv();
    StringBuilder message = new StringBuilder("Command ").append(argv.prepend(result.program().name()).masked())
        .append(" exited with ").append(result.exitCode());
    String stderr = result.stderr();
    if (stderr == null) {
      return message.append(" (stderr was not captured)").toString();
    }
    String tail = tail(argv.maskSecretsIn(stderr));
    return tail.isEmpty() ? message.append(" and printed nothing on stderr").toString()
        : message.append(": ").append(tail).toString();
  }

  /** The last lines of the text, at most {@value #TAIL_LINES} and {@value #TAIL_CHARS} characters. */
  private static String tail(String text) {
    List<String> lines = new ArrayList<>(text.strip().lines().filter(line -> !line.isBlank()).toList());
    List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    String joined = String.join("\n", last);
    return joined.length() <= TAIL_CHARS ? joined : "..." + joined.substring(joined.length() - TAIL_CHARS);
  }

}
