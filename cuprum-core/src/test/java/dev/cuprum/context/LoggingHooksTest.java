package dev.cuprum.context;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.logging.LogLevels;
import dev.cuprum.logging.StructuredLoggingHook;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingHooksTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("cuprum.test." + getClass().getSimpleName());
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
  }

  private static Map<String, Object> keyValues(ILoggingEvent event) {
    return event.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
  }

  @Test
  void logsAStartAndAnExitRecordPerCommand() {
    CommandResult result;
    try (Registration hook = Cuprum.loggingHook(logger)) {
      assertThat(CuprumContext.current().beforeHooks()).hasSize(1);
      assertThat(CuprumContext.current().afterHooks()).hasSize(1);
      result = TestPrograms.executor().run(Sh.make(Programs.ECHO).args("-n", "hello logs"));
    }
    assertThat(CuprumContext.current().beforeHooks()).isEmpty();
    assertThat(appender.list).hasSize(2);
    ILoggingEvent start = appender.list.get(0);
    assertThat(start.getFormattedMessage()).isEqualTo("cuprum.start program=echo argv=[echo, -n, hello logs]");
    assertThat(keyValues(start)).containsEntry("cuprum.program", "echo");
    ILoggingEvent exit = appender.list.get(1);
    assertThat(exit.getFormattedMessage()).matches(
        "cuprum\\.exit program=echo pid=" + result.pid() + " exit_code=0 duration_s=\\d+\\.\\d{6} stdout_len=10 stderr_len=0");
    assertThat(keyValues(exit)).containsEntry("cuprum.exit_code", 0).containsEntry("cuprum.stdout_len", 10);
  }

  @Test
  void logsNonZeroExitsTheSameWayAndNothingForTimeouts() {
    try (Registration hook = Cuprum.loggingHook(logger)) {
      TestPrograms.executor().run(sh("printf 0123456789; printf abcde >&2; exit 1"));
      assertThatThrownBy(() -> TestPrograms.executor().run(sh("sleep 30"), RunOptions.builder()
          .timeout(Duration.ofMillis(50)).context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(50)).build())
          .build())).isInstanceOf(TimeoutExpiredException.class);
    }
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            start -> assertThat(start).startsWith("cuprum.start program=sh"),
            exit -> assertThat(exit).contains("exit_code=1").endsWith("stdout_len=10 stderr_len=5"),
            start -> assertThat(start).startsWith("cuprum.start program=sh"));
  }

  @Test
  void disabledLevelsLogNothing() {
    logger.setLevel(Level.WARN);
    try (Registration hook = Cuprum.loggingHook(logger)) {
      TestPrograms.executor().run(sh("true"));
    }
    assertThat(appender.list).isEmpty();
  }

  @Test
  void secretsAreMaskedInLogRecords() {
    try (Registration hook = Cuprum.loggingHook(logger); Registration structured = Cuprum.observe(
        new StructuredLoggingHook(logger, new LogLevels(org.slf4j.event.Level.INFO, org.slf4j.event.Level.INFO,
            org.slf4j.event.Level.INFO, org.slf4j.event.Level.INFO)))) {
      TestPrograms.executor().run(Sh.make(Programs.ECHO).args("-n", Sh.secret("hunter2")));
    }
    assertThat(appender.list).isNotEmpty().allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain("hunter2");
      assertThat(String.valueOf(event.getKeyValuePairs())).doesNotContain("hunter2");
    });
  }

  @Test
  void structuredHookLogsOneRecordPerEnabledEvent() {
    try (Registration hook = Cuprum.observe(new StructuredLoggingHook(logger, LogLevels.defaults()))) {
      TestPrograms.executor().run(sh("echo out1"));
    }
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            start -> assertThat(start).matches("cuprum\\.start program=sh pid=\\d+"),
            exit -> assertThat(exit).matches("cuprum\\.exit program=sh pid=\\d+ exit_code=0 duration_s=\\d+\\.\\d{6}"));
    assertThat(keyValues(appender.list.get(1))).containsKeys("cuprum.phase", "cuprum.program", "cuprum.argv",
        "cuprum.pid", "cuprum.exit_code", "cuprum.duration_s", "cuprum.tags").containsEntry("cuprum.phase", "exit");

    appender.list.clear();
    logger.setLevel(Level.DEBUG);
    try (Registration hook = Cuprum.observe(new StructuredLoggingHook(logger, LogLevels.defaults()))) {
      TestPrograms.executor().run(sh("echo \"out'1\""));
    }
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(plan -> assertThat(plan).startsWith("cuprum.plan program=sh argv=[sh, -c,"))
        .anySatisfy(line -> assertThat(line).matches("cuprum\\.stdout pid=\\d+ line='out\\\\'1'"));
    assertThat(appender.list).filteredOn(event -> event.getFormattedMessage().startsWith("cuprum.stdout"))
        .singleElement().satisfies(event -> assertThat(keyValues(event)).containsEntry("cuprum.line", "out'1"));
  }
}
