package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandExecutor;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Pipeline;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Executors run only their catalogue's programs unless told otherwise, and say so when told. */
class DefaultAllowlistTest {

  private final Logger runtimeLogger = (Logger) LoggerFactory.getLogger("cuprum.runtime");
  private final ListAppender<ILoggingEvent> records = new ListAppender<>();

  @TempDir
  Path dir;

  @BeforeEach
  void recordTheRuntimeLog() {
    records.start();
    runtimeLogger.addAppender(records);
  }

  @AfterEach
  void stopRecording() {
    runtimeLogger.detachAppender(records);
  }

  @Test
  void createRunsNothingOutsideTheDefaultCatalogue() {
    assertRefusedEveryWay(CommandExecutor::create);
  }

  @Test
  void aBuiltExecutorEnforcesItsCatalogueUnlessToldOtherwise() {
    assertRefusedEveryWay(() -> CommandExecutor.builder().build());
  }

  @Test
  void aScopeThatAllowsTheProgramCannotWidenTheCatalogue() {
    CommandExecutor executor = CommandExecutor.create();
    Path marker = dir.resolve("ran");
    try (Registration allowShell = Cuprum.allow(TestPrograms.SH)) {
      assertThatThrownBy(() -> executor.run(touch(marker)))
          .isInstanceOfSatisfying(ForbiddenProgramException.class,
              e -> assertThat(e.program()).isEqualTo(TestPrograms.SH));
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void turningEnforcementOffLetsTheProgramRunAndWarnsOncePerExecutor() {
    CommandExecutor first = CommandExecutor.builder().enforceAllowlist(false).build();
    CommandExecutor second = CommandExecutor.builder().enforceAllowlist(false).build();
    Path marker = dir.resolve("ran");

    assertThat(first.run(touch(marker)).ok()).isTrue();
    first.run(sh("exit 0"));
    second.run(sh("exit 0"));

    assertThat(marker).exists();
    assertThat(records.list).hasSize(2).allSatisfy(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARN);
      assertThat(record.getFormattedMessage())
          .startsWith("cuprum.allowlist_not_enforced catalogue=ProgramCatalogue[core-ops, docs]")
          .contains("runs programs outside its catalogue");
    });
  }

  @Test
  void enforcingExecutorsLogNothingWhenBuilt() {
    CommandExecutor.create();
    CommandExecutor.builder().enforceAllowlist(true).build();

    assertThat(records.list).isEmpty();
  }

  private void assertRefusedEveryWay(Supplier<CommandExecutor> executors) {
    CommandExecutor executor = executors.get();
    Path marker = dir.resolve("ran");
    SafeCmd touch = touch(marker);

    assertThatThrownBy(() -> executor.run(touch)).isInstanceOfSatisfying(ForbiddenProgramException.class,
        e -> assertThat(e.program()).isEqualTo(TestPrograms.SH));
    assertThatThrownBy(() -> executor.runAsync(touch, RunOptions.defaults()).join())
        .hasRootCauseInstanceOf(ForbiddenProgramException.class);
    assertThatThrownBy(() -> executor.run(Pipeline.of(touch, touch))).isInstanceOf(ForbiddenProgramException.class);
    assertThatThrownBy(() -> executor.runConcurrent(List.of(touch), ConcurrentConfig.defaults()))
        .isInstanceOf(ForbiddenProgramException.class);
    assertThat(marker).doesNotExist();
  }

  /** A shell, which the default catalogue does not list, creating a file. */
  private static SafeCmd touch(Path marker) {
    return sh(": > \"$1\"", marker.toString());
  }
}
