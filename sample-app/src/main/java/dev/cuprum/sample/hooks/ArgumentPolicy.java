package dev.cuprum.sample.hooks;

import dev.cuprum.SafeCmd;
import dev.cuprum.context.BeforeHook;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

// tag::policy-hook[]
/**
 * Refuses every command with an argument that contains a control character (a newline, a
 * carriage return, an escape...). Such an argument would let a caller forge lines of the audit
 * log or send escape sequences to an operator's terminal.
 *
 * <p>Ordered first, so that a refused command reaches no other hook; a before hook that throws
 * stops the run before anything is started, and the exception reaches the caller unchanged.
 */
@Component
@Order(0)
public final class ArgumentPolicy implements BeforeHook {

  @Override
  public void before(SafeCmd cmd) {
    List<String> argv = cmd.argv();
    for (int i = 0; i < argv.size(); i++) {
      int control = argv.get(i).codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
      if (control >= 0) {
        throw new CommandRefusedException(String.format(Locale.ROOT,
            "argument %d of %s contains the control character U+%04X; arguments with control characters are refused",
            i + 1, cmd.program(), control));
      }
    }
  }
}
// end::policy-hook[]
