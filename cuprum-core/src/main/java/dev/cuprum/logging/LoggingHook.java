package dev.cuprum.logging;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A before and after hook that logs one start and one exit record per command. Register it with
 * {@link dev.cuprum.context.Cuprum#loggingHook(Logger)}, on an executor's builder, or as a Spring
 * bean. Runs that time out or are cancelled get no exit record (after hooks do not run for them).
 */
public final class LoggingHook implements BeforeHook, AfterHook {

  private final Logger logger;
  private final Level startLevel;
  private final Level exitLevel;

  public LoggingHook(Logger logger, Level startLevel, Level exitLevel) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.startLevel = Objects.requireNonNull(startLevel, "startLevel");
    this.exitLevel = Objects.requireNonNull(exitLevel, "exitLevel");
  }

  @Override
  public void before(SafeCmd cmd) {
    if (!logger.isEnabledForLevel(startLevel)) {
      return;
    }
    var argv = cmd.maskedArgvWithProgram();
    logger.atLevel(startLevel)
        .setMessage("cuprum.start program={} argv={}")
        .addArgument(cmd.program())
        .addArgument(argv)
        .addKeyValue("cuprum.program", cmd.program().name())
        .addKeyValue("cuprum.argv", argv)
        .log();
  }

  @Override
  public void after(SafeCmd cmd, CommandResult result) {
    if (!logger.isEnabledForLevel(exitLevel)) {
      return;
    }
    String duration = seconds(result.duration().toNanos());
    int stdoutLength = length(result.stdout());
    int stderrLength = length(result.stderr());
    logger.atLevel(exitLevel)
        .setMessage("cuprum.exit program={} pid={} exit_code={} duration_s={} stdout_len={} stderr_len={}")
        .addArgument(cmd.program())
        .addArgument(result.pid())
        .addArgument(result.exitCode())
        .addArgument(duration)
        .addArgument(stdoutLength)
        .addArgument(stderrLength)
        .addKeyValue("cuprum.program", cmd.program().name())
        .addKeyValue("cuprum.pid", result.pid())
        .addKeyValue("cuprum.exit_code", result.exitCode())
        .addKeyValue("cuprum.duration_s", duration)
        .addKeyValue("cuprum.stdout_len", stdoutLength)
        .addKeyValue("cuprum.stderr_len", stderrLength)
        .log();
  }

  /**
   * Seconds with six decimals (rounded half up), as every Cuprum log record writes durations.
   * Not {@code String.format}: its parsing and floating-point formatting cost more than the rest
   * of the record.
   */
  static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  private static int length(@Nullable String text) {
    return text == null ? 0 : text.length();
  }
}
