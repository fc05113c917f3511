package dev.cuprum.sample.hooks;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.AfterHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

// tag::audit-hook[]
/**
 * Writes one audit record per finished command to the logger {@value #LOGGER}, with secret
 * arguments masked. After hooks run for commands that exited, whatever their exit status; runs
 * that time out or are cancelled throw instead and get no record here (their metrics and spans
 * still close).
 */
@Component
@Order(1)
public final class AuditLog implements AfterHook {

  /** The logger the records go to. */
  public static final String LOGGER = "audit";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void after(SafeCmd cmd, CommandResult result) {
    LOG.atInfo()
        .setMessage("command argv={} exit_code={} pid={} duration_ms={} project={}")
        .addArgument(cmd.maskedArgvWithProgram())
        .addArgument(result.exitCode())
        .addArgument(result.pid())
        .addArgument(result.duration().toMillis())
        .addArgument(cmd.project().name())
        .log();
  }
}
// end::audit-hook[]
