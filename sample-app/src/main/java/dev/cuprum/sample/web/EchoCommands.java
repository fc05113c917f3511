package dev.cuprum.sample.web;

import dev.cuprum.CommandBuilder;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.sample.config.SampleProperties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns request texts into {@code echo -n TEXT} commands, refusing texts echo would misread. */
@Component
final class EchoCommands {

  /** What echo reads as options rather than text: {@code -n}, {@code -e}, {@code -E} and their combinations. */
  private static final Pattern ECHO_OPTION = Pattern.compile("-[neE]+");

  private final CommandBuilder echo;
  private final int maxTextLength;

  /** Built from the application's catalogue, so the commands carry the sample's project. */
  EchoCommands(ProgramCatalogue catalogue, SampleProperties properties) {
    this.echo = Sh.make(Programs.ECHO, catalogue);
    this.maxTextLength = properties.echo().maxTextLength();
  }

  /**
   * The command that prints {@code text} without a trailing newline.
   *
   * @param field how the request names the text, for error messages
   * @throws BadRequestException when the text is missing, empty, too long, or an echo option
   */
  SafeCmd command(@Nullable String text, String field) {
    if (text == null) {
      throw new BadRequestException(field + " is required");
    }
    if (text.isEmpty()) {
      throw new BadRequestException(field + " must not be empty");
    }
    if (text.length() > maxTextLength) {
      throw new BadRequestException(field + " is longer than " + maxTextLength + " characters");
    }
    if (ECHO_OPTION.matcher(text).matches()) {
      throw new BadRequestException(field + " '" + text + "' would be read by echo as an option, not printed");
    }
    return echo.args("-n", text);
  }
}
