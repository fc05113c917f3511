package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.internal.util.Masking;
import dev.cuprum.logging.LogLevels;
import dev.cuprum.logging.StructuredLoggingHook;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Every secret a run knows (a secret argument, a secret option value, the value of a sensitive
 * environment variable) is masked in every event, log record, exception message and
 * {@code toString()}, whole or where a long line is cut into pieces, in single runs and in every
 * stage of a pipeline. Real processes print the secrets; every channel is scanned.
 */
class SecretLeaksPropertyTest {

  /** Lines are cut into pieces of this many chars; offsets near it place a secret across a cut. */
  private static final int PIECE = 64 * 1024;

  @Property(tries = 12)
  void noChannelCarriesASecret(
      @ForAll("secrets") String argument, @ForAll("secrets") String option, @ForAll("secrets") String variable,
      @ForAll @IntRange(min = 1, max = 24) int beforeCut, @ForAll("sensitiveNames") String name) {
    List<String> texts = new ArrayList<>();
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observeHook(events::add)
        .observeHook(new StructuredLoggingHook(LoggerFactory.getLogger("cuprum.exec"),
            new LogLevels(Level.INFO, Level.INFO, Level.INFO, Level.INFO)))
        .build();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger("cuprum")).addAppender(logs);
    try {
      // Each secret is printed whole, at the end of a long line so that it crosses a piece boundary,
      // on stderr, and after the command failed.
      String padding = "p".repeat(PIECE - beforeCut);
      String script = "for s in \"$1\" \"$2\" \"$" + name + "\"; do printf '%s%s\\n' \"$0\" \"$s\"; "
          + "printf '%s\\n' \"$s\" >&2; done; exit 3";
      SafeCmd secretOption = Sh.make(TestPrograms.SH, TestPrograms.CATALOGUE)
          .args(List.of("-c", "printf '%s\\n' \"${1#--token=}\"", "sh"), Map.of("token", Sh.secret(option)));
      ExecutionContext context = ExecutionContext.builder().env(Map.of(name, variable)).allowEnvKeys(name).build();
      RunOptions options = RunOptions.builder().context(context).build();

      CommandResult failed = executor.run(
          Sh.make(TestPrograms.SH, TestPrograms.CATALOGUE).args(List.of("-c", script, padding, Sh.secret(argument)),
              Map.of("token", Sh.secret(option))), options);
      texts.add(failed.toString());
      texts.add(catchThrowable(failed::requireOk).getMessage());
      texts.add(executor.run(secretOption, options).toString());
      PipelineResult piped = executor.run(Pipeline.of(
          sh("printf '%s\\n%s\\n' \"$1\" \"$2\"", Sh.secret(argument), Sh.secret(option)), cmd(CAT), cmd(CAT)), options);
      texts.add(piped.toString());
      Throwable timedOut = catchThrowable(() -> executor.run(sh("printf '%s\\n' \"$1\"; sleep 30", Sh.secret(argument)),
          RunOptions.builder().context(context).timeout(Duration.ofMillis(300)).build()));
      texts.add(timedOut.getMessage());
      texts.add(secretOption.toString());
    } finally {
      ((Logger) LoggerFactory.getLogger("cuprum")).detachAppender(logs);
    }
    events.forEach(event -> texts.add(event.toString()));
    logs.list.forEach(record -> {
      texts.add(record.getFormattedMessage());
      texts.add(String.valueOf(record.getKeyValuePairs()));
    });

    assertThat(events).anySatisfy(event -> assertThat(String.valueOf(event.line())).contains(Masking.MASK));
    for (String secret : List.of(argument, option, variable)) {
      assertThat(texts).as("no channel carries %s", secret).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
  }

  @Test
  void theNamesOfSecretsAreRecognisedAndTheWorkingDirectoryIsNot() {
    assertThat(List.of("MYSQL_PWD", "SSHPASS", "GPG_PASSPHRASE", "KEY_PASSPHRASE", "DB_PASS", "PASSWD", "db_pass",
        "GIT_CONFIG_VALUE_0", "GIT_CONFIG_VALUE_12", "API_TOKEN", "PASSWORD", "AWS_SECRET_ACCESS_KEY"))
        .allSatisfy(name -> assertThat(Masking.isSensitiveKey(name)).as(name).isTrue());
    assertThat(List.of("PWD", "OLDPWD", "PATH", "HOME", "GIT_CONFIG_COUNT", "PASSENGER_COUNT"))
        .allSatisfy(name -> assertThat(Masking.isSensitiveKey(name)).as(name).isFalse());
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().withChars("ABCDEFGHJKqrstuvwxyz23456789").ofMinLength(6).ofMaxLength(24)
        .map(s -> "Q" + s);
  }

  @Provide
  Arbitrary<String> sensitiveNames() {
    return Arbitraries.of("API_TOKEN", "MYSQL_PWD", "SSHPASS", "GPG_PASSPHRASE", "DB_PASS", "PASSWD",
        "GIT_CONFIG_VALUE_0");
  }
}
