package dev.cuprum.logging;

import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * An observe hook that logs one record per event, at the level {@link LogLevels} gives its
 * phase, and does nothing for levels the logger has disabled. Each record carries the event as
 * key-value pairs: {@code cuprum.phase}, {@code cuprum.program}, {@code cuprum.argv} (masked),
 * {@code cuprum.pid}, {@code cuprum.cwd}, {@code cuprum.exit_code}, {@code cuprum.duration_s},
 * {@code cuprum.line} (each only when the event has it) and {@code cuprum.tags}.
 */
public final class StructuredLoggingHook implements ExecHook {

  /** The logger {@link #StructuredLoggingHook()} writes to. */
  public static final String DEFAULT_LOGGER = "cuprum.exec";

  private final Logger logger;
  private final LogLevels levels;

  /** Logs to {@value #DEFAULT_LOGGER} with {@link LogLevels#defaults()}. */
  public StructuredLoggingHook() {
    this(LoggerFactory.getLogger(DEFAULT_LOGGER), LogLevels.defaults());
  }

  public StructuredLoggingHook(Logger logger, LogLevels levels) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.levels = Objects.requireNonNull(levels, "levels");
  }

  @Override
  public void onEvent(ExecEvent event) {
    Level level = levelOf(event);
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder record = logger.atLevel(level).setMessage(message(event));
    record.addKeyValue("cuprum.phase", event.phase().name().toLowerCase(Locale.ROOT));
    record.addKeyValue("cuprum.program", event.program().name());
    record.addKeyValue("cuprum.argv", event.argv());
    addIfPresent(record, "cuprum.pid", event.pid());
    addIfPresent(record, "cuprum.cwd", event.cwd() == null ? null : event.cwd().toString());
    addIfPresent(record, "cuprum.exit_code", event.exitCode());
    addIfPresent(record, "cuprum.duration_s", event.duration() == null ? null : seconds(event));
    addIfPresent(record, "cuprum.line", event.line());
    record.addKeyValue("cuprum.tags", event.tags());
    record.log();
  }

  private Level levelOf(ExecEvent event) {
    return switch (event.phase()) {
      case PLAN -> levels.plan();
      case START -> levels.start();
      case STDOUT, STDERR -> levels.output();
      case EXIT -> levels.exit();
      case STDIN, STDIN_ERROR -> Level.DEBUG;
    };
  }

  private static String message(ExecEvent event) {
    return switch (event.phase()) {
      case PLAN -> "cuprum.plan program=" + event.program() + " argv=" + event.argv();
      case START -> "cuprum.start program=" + event.program() + " pid=" + event.pid();
      case STDOUT -> "cuprum.stdout pid=" + event.pid() + " line=" + quoted(event.line());
      case STDERR -> "cuprum.stderr pid=" + event.pid() + " line=" + quoted(event.line());
      case EXIT -> "cuprum.exit program=" + event.program() + " pid=" + event.pid() + " exit_code="
          + event.exitCode() + " duration_s=" + (event.duration() == null ? "unknown" : seconds(event));
      case STDIN, STDIN_ERROR -> "cuprum." + event.phase().name().toLowerCase(Locale.ROOT) + " program="
          + event.program();
    };
  }

  private static String seconds(ExecEvent event) {
    return LoggingHook.seconds(Objects.requireNonNull(event.duration()).toNanos());
  }

  private static String quoted(@Nullable String line) {
    if (line == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(line.length() + 2).append('\'');
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '\'' -> quoted.append("\\'");
        case '\\' -> quoted.append("\\\\");
        case '\t' -> quoted.append("\\t");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('\'').toString();
  }

  private static void addIfPresent(LoggingEventBuilder record, String key, @Nullable Object value) {
    if (value != null) {
      record.addKeyValue(key, value);
    }
  }
}
