package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.InvalidWorkingDirectoryException;
import dev.cuprum.OutputDecodingException;
import dev.cuprum.ProcessStartException;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.testing.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

  private final CommandExecutor executor = TestPrograms.executor();

  @Test
  void aCallsContextOverridesTheExecutorsDefaultsFieldByField(@TempDir Path dir) {
    ExecutionContext defaults = ExecutionContext.builder().env(Map.of("CUPRUM_DEFAULT", "kept", "CUPRUM_BOTH", "default"))
        .tags(Map.of("team", "ops")).build();
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).defaultContext(defaults)
        .build();
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    ExecutionContext call = ExecutionContext.builder().cwd(dir).env(Map.of("CUPRUM_BOTH", "call"))
        .tags(Map.of("request", "r1")).build();

    CommandResult result;
    try (Registration scope = Cuprum.observe(events::add)) {
      result = executor.run(sh("printf '%s %s %s' \"$CUPRUM_DEFAULT\" \"$CUPRUM_BOTH\" \"$PWD\""),
          RunOptions.builder().context(call).build());
    }

    assertThat(result.stdout()).isEqualTo("kept call " + dir);
    assertThat(events.get(0).tags()).containsEntry("team", "ops").containsEntry("request", "r1");
  }

  @Test
  void aContextThatSetsOnlyTheWorkingDirectoryKeepsTheExecutorsTimeoutAndGrace(@TempDir Path dir) {
    // The grace is long enough for the program's SIGTERM handler to print; the library default
    // (500 ms) would kill it first.
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .defaultTimeout(Duration.ofMillis(300)).cancelGrace(Duration.ofSeconds(30)).build();
    ExecutionContext call = ExecutionContext.builder().cwd(dir).build();

    TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class, () -> executor.run(
        sh("trap 'sleep 2; printf handled; exit 0' TERM; pwd; while :; do sleep 0.05; done"),
        RunOptions.builder().context(call).build()));

    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(timeout.stdout()).isEqualTo(dir + "\nhandled");
  }

  @Test
  void capturesStdoutAndStderrByDefault() {
    CommandResult result = executor.run(Sh.make(Programs.ECHO).args("-n", "hello"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("hello");
    assertThat(result.stderr()).isEmpty();
    assertThat(result.pid()).isPositive();
    assertThat(result.program()).isEqualTo(Programs.ECHO);
    assertThat(result.argv()).containsExactly("-n", "hello");
    assertThat(result.duration()).isPositive();
    assertThat(result.termination()).isEqualTo(Termination.NONE);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void nonZeroExitIsAResultNotAnException() {
    CommandResult result = executor.run(sh("echo out; echo err >&2; exit 3"));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.ok()).isFalse();
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void signalDeathsReadAsTheShellDoes() {
    assertThat(executor.run(sh("kill -TERM $$")).exitCode()).isEqualTo(143);
    assertThat(executor.run(sh("kill -KILL $$")).exitCode()).isEqualTo(137);
  }

  @Test
  void withoutCaptureTheResultHasNoOutput() {
    CommandResult result = executor.run(sh("echo out; echo err >&2"), RunOptions.builder().capture(false).build());
    assertThat(result.stdout()).isNull();
    assertThat(result.stderr()).isNull();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void echoTeesToTheContextSinksWhileCapturing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutionContext context = ExecutionContext.builder().stdoutSink(out).stderrSink(err).build();
    CommandResult result = executor.run(sh("printf 'caf\\303\\251'; printf oops >&2"),
        RunOptions.builder().echo(true).context(context).build());
    assertThat(result.stdout()).isEqualTo("café");
    assertThat(out.toByteArray()).isEqualTo("café".getBytes(StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops");

    out.reset();
    CommandResult uncaptured = executor.run(sh("printf echoed"),
        RunOptions.builder().echo(true).capture(false).context(context).build());
    assertThat(uncaptured.stdout()).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("echoed");
  }

  @Test
  void echoWithoutSinksGoesToTheJvmStreams() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      executor.run(sh("printf to-jvm"), RunOptions.builder().echo(true).build());
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("to-jvm");
  }

  @Test
  void decodesWithTheContextCharset() {
    ExecutionContext cp1252 = ExecutionContext.builder().charset(Charset.forName("windows-1252"))
        .malformedInput(CodingErrorAction.REPORT).build();
    assertThat(executor.run(sh("printf '\\226'"), RunOptions.builder().context(cp1252).build()).stdout())
        .isEqualTo("\u2013");
  }

  @Test
  void invalidUtf8IsReplacedByDefault() {
    assertThat(executor.run(sh("printf '\\000raw\\377\\n'")).stdout()).isEqualTo("\u0000raw\ufffd\n");
  }

  @Test
  void invalidOutputFailsTheRunWhenReportingIsAsked() {
    ExecutionContext strict = ExecutionContext.builder().malformedInput(CodingErrorAction.REPORT).build();
    assertThatThrownBy(() -> executor.run(sh("printf 'ok\\377'"), RunOptions.builder().context(strict).build()))
        .isInstanceOf(OutputDecodingException.class)
        .hasMessageContaining("stdout")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void multibyteCharactersSplitAcrossReadsStayWhole() {
    // The writes are separated by sleeps, so the reader sees the characters cut in the middle.
    CommandResult result = executor.run(sh("printf 'prefix \\342'; sleep 0.05; printf '\\230\\203 suffix \\360\\237'; "
        + "sleep 0.05; printf '\\230\\200'"));
    assertThat(result.stdout()).isEqualTo("prefix \u2603 suffix \uD83D\uDE00");
  }

  @Test
  void capturesSixtyFourMebibytesIntact() throws Exception {
    int size = 64 * 1024 * 1024;
    CommandResult result = executor.run(sh("head -c " + size + " /dev/zero | tr '\\000' 'x'; printf end"));
    assertThat(result.stdout()).hasSize(size + 3).startsWith("xxx").endsWith("xend");
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void captureStopsAtTheLimitButTheProcessRunsToCompletion() {
    ExecutionContext limited = ExecutionContext.builder().maxCaptureBytes(1000).build();
    CommandResult result = executor.run(sh("head -c 1000000 /dev/zero | tr '\\000' 'x'; echo done >&2"),
        RunOptions.builder().context(limited).build());
    assertThat(result.ok()).isTrue();
    assertThat(result.truncated()).isTrue();
    assertThat(result.stdout()).startsWith("x".repeat(1000))
        .endsWith("[cuprum: output truncated at 1000 bytes, 999000 more bytes dropped]");
    assertThat(result.stderr()).isEqualTo("done\n");
  }

  @Test
  void envOverlaysTheLiveEnvironment() {
    CommandResult result = executor.run(sh("printf '%s|%s' \"$CUPRUM_TEST_VAR\" \"$PATH\""),
        RunOptions.builder().context(ExecutionContext.builder().env(Map.of("CUPRUM_TEST_VAR", "value")).build()).build());
    assertThat(result.stdout()).isEqualTo("value|" + System.getenv("PATH"));
  }

  @Test
  void callerEnvWinsOverScopedOverlay() {
    try (Registration scope = Cuprum.env(Map.of("A", "scope", "B", "scope"))) {
      CommandResult result = executor.run(sh("printf '%s %s' \"$A\" \"$B\""),
          RunOptions.builder().context(ExecutionContext.builder().env(Map.of("B", "call")).build()).build());
      assertThat(result.stdout()).isEqualTo("scope call");
    }
    assertThat(executor.run(sh("printf '%s' \"${A-unset}\"")).stdout()).isEqualTo("unset");
  }

  @Test
  void runsInTheContextWorkingDirectory(@TempDir Path dir) throws Exception {
    CommandResult result = executor.run(sh("pwd"),
        RunOptions.builder().context(ExecutionContext.builder().cwd(dir).build()).build());
    assertThat(Path.of(result.stdout().strip()).toRealPath()).isEqualTo(dir.toRealPath());
  }

  @Test
  void badWorkingDirectoryIsRejectedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    for (Path bad : new Path[] {dir.resolve("missing"), file}) {
      assertThatThrownBy(() -> executor.run(sh("exit 0"),
          RunOptions.builder().context(ExecutionContext.builder().cwd(bad).build()).build()))
          .isInstanceOf(InvalidWorkingDirectoryException.class)
          .hasMessageContaining(bad.toString());
    }
  }

  @Test
  void missingExecutableKeepsTheJdkCause() {
    assertThatThrownBy(() -> executor.run(TestPrograms.cmd(TestPrograms.MISSING)))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("cuprum-no-such-program")
        .hasMessageContaining("No such file or directory")
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void stdinIsEmptyByDefault() {
    assertThat(executor.run(cmd(CAT)).stdout()).isEmpty();
  }

  @Test
  void stdinTextIsEncodedWithTheContextCharset() {
    assertThat(executor.run(cmd(CAT), RunOptions.builder().stdin(StdinInput.text("behaviour stdin\n")).build()).stdout())
        .isEqualTo("behaviour stdin\n");
    ExecutionContext cp1252 = ExecutionContext.builder().charset(Charset.forName("windows-1252")).build();
    CommandResult hex = executor.run(sh("od -An -tx1 | tr -d ' \\n'"),
        RunOptions.builder().context(cp1252).stdin(StdinInput.text("\u2013")).build());
    assertThat(hex.stdout()).isEqualTo("96");
  }

  @Test
  void stdinTextThatCannotBeEncodedFailsBeforeSpawning() {
    ExecutionContext ascii = ExecutionContext.builder().charset(StandardCharsets.US_ASCII)
        .malformedInput(CodingErrorAction.REPORT).build();
    assertThatThrownBy(() -> executor.run(cmd(CAT),
        RunOptions.builder().context(ascii).stdin(StdinInput.text("\u00e9 non-ASCII")).build()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("US-ASCII");
  }

  @Test
  void stdinBytesArriveExactly() throws Exception {
    byte[] payload = new byte[256 * 1024 + 7];
    new Random(42).nextBytes(payload);
    CommandResult result = executor.run(sh("sha256sum | cut -d' ' -f1"), RunOptions.builder().stdin(StdinInput.bytes(payload)).build());
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    assertThat(result.stdout().strip()).isEqualTo(expected);
  }

  @Test
  void stdinWorksWithoutCaptureAndWithFailures() {
    CommandResult uncaptured = executor.run(sh("test \"$(cat)\" = uncaptured"),
        RunOptions.builder().capture(false).stdin(StdinInput.text("uncaptured")).build());
    assertThat(uncaptured.ok()).isTrue();
    CommandResult failing = executor.run(sh("cat; exit 7"), RunOptions.builder().stdin(StdinInput.text("failure input")).build());
    assertThat(failing.exitCode()).isEqualTo(7);
    assertThat(failing.stdout()).isEqualTo("failure input");
  }

  @Test
  void aProcessThatNeverReadsStdinStillSucceeds() {
    byte[] large = new byte[4 * 1024 * 1024];
    CommandResult result = executor.run(sh("echo done"), RunOptions.builder().stdin(StdinInput.bytes(large)).build());
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("done\n");
  }

  @Test
  void runAsyncReturnsTheSameResult() throws Exception {
    CommandResult result = executor.runAsync(Sh.make(Programs.ECHO).args("-n", "async"), RunOptions.defaults())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(result.stdout()).isEqualTo("async");
  }

  @Test
  void runningCommandsListsWhatRunsNow() throws Exception {
    var future = executor.runAsync(Sh.make(TestPrograms.SLEEP, TestPrograms.CATALOGUE).args("5"), RunOptions.defaults());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !executor.runningCommands().isEmpty());
    assertThat(executor.runningCommands()).singleElement()
        .satisfies(running -> {
          assertThat(running.argv()).containsExactly("sleep", "5");
          assertThat(running.pid()).isPositive();
          assertThat(running.elapsed().isNegative()).isFalse();
        });
    future.cancel(true);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> executor.runningCommands().isEmpty());
  }
}
