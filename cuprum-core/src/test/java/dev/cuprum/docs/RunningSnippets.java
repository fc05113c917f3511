package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.docs.Tools.CAT;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.PRINTF;
import static dev.cuprum.docs.Tools.SH;
import static dev.cuprum.docs.Tools.SLEEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ExecutorShutdownException;
import dev.cuprum.ForbiddenEnvironmentKeyException;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.Program;
import dev.cuprum.ProgramLocator;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's sections on running commands, timeouts and cancellation. */
class RunningSnippets {

  // tag::executor[]
  // Build one executor per application and share it: it is thread-safe.
  CommandExecutor executor = CommandExecutor.builder()
      .catalogue(CATALOGUE)
      .defaultTimeout(Duration.ofMinutes(5))        // for runs that set no timeout
      .build();
  // end::executor[]

  @Test
  void runAndReadTheResult() {
    // tag::run[]
    CommandResult ok = executor.run(Sh.make(ECHO).args("hello"));
    ok.exitCode();      // 0
    ok.stdout();        // "hello\n"
    ok.pid();           // the process id
    ok.duration();      // spawn to exit

    // A non-zero exit is a result, not an exception.
    CommandResult failed = executor.run(Sh.make(SH, CATALOGUE).args("-c", "echo oops >&2; exit 3"));
    failed.ok();        // false
    failed.exitCode();  // 3
    failed.stderr();    // "oops\n"

    // Where only success will do, requireOk() returns the result or throws NonZeroExitException,
    // whose message has the exit code, the argv (secrets masked) and the end of stderr.
    String greeting = executor.run(Sh.make(ECHO).args("hello")).requireOk().stdout();
    // end::run[]
    assertThat(greeting).isEqualTo("hello\n");
    assertThatThrownBy(failed::requireOk).isInstanceOf(NonZeroExitException.class)
        .hasMessage("Command [sh, -c, echo oops >&2; exit 3] exited with 3: oops");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.stdout()).isEqualTo("hello\n");
    assertThat(ok.pid()).isPositive();
    assertThat(ok.termination()).isEqualTo(Termination.NONE);
    assertThat(failed.ok()).isFalse();
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).isEqualTo("oops\n");
  }

  @Test
  void forbiddenProgram() {
    // tag::enforced[]
    // "/bin/true" is not in the catalogue; the executor refuses it before anything starts.
    SafeCmd outsider = new SafeCmd(Program.of("/bin/true"), List.of(), CATALOGUE.projectFor(SH));
    assertThatThrownBy(() -> executor.run(outsider))
        .isInstanceOf(ForbiddenProgramException.class)
        .hasMessage("Program '/bin/true' is not allowed: the executor enforces its catalogue's allowlist, which does not list it");
    // end::enforced[]
  }

  @Test
  void captureAndEcho() {
    // tag::capture-echo[]
    // Not captured: stdout and stderr are null, and the output goes nowhere.
    CommandResult quiet = executor.run(Sh.make(ECHO).args("hidden"),
        RunOptions.builder().capture(false).build());

    // Echoed while captured: each chunk is copied to the sink as it arrives.
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ExecutionContext toConsole = ExecutionContext.builder().stdoutSink(console).build();
    CommandResult echoed = executor.run(Sh.make(ECHO).args("shown"),
        RunOptions.builder().echo(true).context(toConsole).build());
    // end::capture-echo[]
    assertThat(quiet.stdout()).isNull();
    assertThat(quiet.stderr()).isNull();
    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("shown\n");
    assertThat(echoed.stdout()).isEqualTo("shown\n");
  }

  @Test
  void stdin() {
    // tag::stdin[]
    RunOptions withInput = RunOptions.builder()
        .stdin(StdinInput.text("first line\nsecond line\n"))
        .build();
    CommandResult counted = executor.run(Sh.make(SH, CATALOGUE).args("-c", "wc -l"), withInput);
    counted.stdout().trim(); // "2"

    // Without StdinInput a command reads an empty stdin: cat ends at once.
    CommandResult empty = executor.run(Sh.make(CAT, CATALOGUE).args());
    // end::stdin[]
    assertThat(counted.stdout().trim()).isEqualTo("2");
    assertThat(empty.stdout()).isEmpty();
    byte[] binary = {0, (byte) 0xff, 10};
    CommandResult bytes = executor.run(Sh.make(SH, CATALOGUE).args("-c", "wc -c"),
        RunOptions.builder().stdin(StdinInput.bytes(binary)).build());
    assertThat(bytes.stdout().trim()).isEqualTo("3");
  }

  @Test
  void environmentAndWorkingDirectory(@TempDir Path dir) throws Exception {
    // tag::context[]
    ExecutionContext context = ExecutionContext.builder()
        .env(Map.of("GREETING", "hello"))            // laid over the JVM's environment
        .cwd(dir)                                     // must be an existing directory
        .tags(Map.of("request_id", "r-42"))           // added to every event of the run
        .build();
    CommandResult result = executor.run(Sh.make(SH, CATALOGUE).args("-c", "echo \"$GREETING from $(pwd)\""),
        RunOptions.builder().context(context).build());
    result.stdout(); // "hello from /tmp/junit...\n": the temporary directory
    // end::context[]
    assertThat(result.stdout()).isEqualTo("hello from " + dir.toRealPath() + "\n");
    assertThat(System.getenv("GREETING")).isNull();
  }

  @Test
  void environmentThatLoadsCode() {
    // tag::env-allow[]
    // LD_LIBRARY_PATH changes which libraries a program loads: the context must allow it by name.
    ExecutionContext vendorLibraries = ExecutionContext.builder()
        .env(Map.of("LD_LIBRARY_PATH", "/opt/vendor/lib"))
        .allowEnvKeys("LD_LIBRARY_PATH")
        .build();
    CommandResult result = executor.run(Sh.make(SH, CATALOGUE).args("-c", "printf %s \"$LD_LIBRARY_PATH\""),
        RunOptions.builder().context(vendorLibraries).build());
    result.stdout(); // "/opt/vendor/lib"

    // Without that, nothing starts: no event, no hook, no process.
    ExecutionContext preload = ExecutionContext.builder().env(Map.of("LD_PRELOAD", "/tmp/x.so")).build();
    assertThatThrownBy(() -> executor.run(Sh.make(SH, CATALOGUE).args("-c", "exit 0"),
        RunOptions.builder().context(preload).build()))
        .isInstanceOf(ForbiddenEnvironmentKeyException.class)
        .hasMessageStartingWith("Environment variable 'LD_PRELOAD' makes programs load or run other code");
    // end::env-allow[]
    assertThat(result.stdout()).isEqualTo("/opt/vendor/lib");
  }

  @Test
  void runAsync() {
    // tag::run-async[]
    CompletableFuture<String> greeting = executor
        .runAsync(Sh.make(ECHO).args("-n", "async"), RunOptions.defaults())
        .thenApply(CommandResult::stdout);
    greeting.join(); // "async"
    // end::run-async[]
    assertThat(greeting.join()).isEqualTo("async");
  }

  @Test
  void timeout() {
    // tag::timeout[]
    SafeCmd slow = Sh.make(SH, CATALOGUE).args("-c", "echo started; sleep 30");
    try {
      executor.run(slow, RunOptions.builder().timeout(Duration.ofMillis(500)).build());
    } catch (TimeoutExpiredException e) {
      e.getMessage();   // "Command [sh, -c, echo started; sleep 30] timed out after 0.5 seconds"
      e.timeout();      // PT0.5S
      e.stdout();       // "started\n": what was read before the process was ended
    }
    // end::timeout[]
    TimeoutExpiredException thrown = catchThrowableOfType(TimeoutExpiredException.class,
        () -> executor.run(slow, RunOptions.builder().timeout(Duration.ofMillis(500)).build()));
    assertThat(thrown).hasMessage("Command [sh, -c, echo started; sleep 30] timed out after 0.5 seconds");
    assertThat(thrown.stdout()).isEqualTo("started\n");
    assertThat(thrown.command()).isEqualTo(List.of("sh", "-c", "echo started; sleep 30"));
  }

  @Test
  void graceAndKill() {
    // tag::grace[]
    List<ExecEvent> exits = new CopyOnWriteArrayList<>();
    ExecutionContext impatient = ExecutionContext.builder()
        .cancelGrace(Duration.ofMillis(100))          // SIGTERM, then SIGKILL 100 ms later
        .build();
    // The shell and its sleep ignore SIGTERM, so only SIGKILL ends them.
    SafeCmd stubborn = Sh.make(SH, CATALOGUE).args("-c", "trap '' TERM; sleep 30");
    try (Registration observer = Cuprum.observe(event -> {
      if (event.phase() == ExecPhase.EXIT) {
        exits.add(event);
      }
    })) {
      executor.run(stubborn, RunOptions.builder().timeout(Duration.ofSeconds(1)).context(impatient).build());
    } catch (TimeoutExpiredException expected) {
      ExecEvent exit = exits.get(0);
      exit.exitCode();              // 137: 128 + SIGKILL
      exit.tags().get("termination"); // "timeout"
    }
    // end::grace[]
    assertThat(exits).singleElement().satisfies(exit -> {
      assertThat(exit.exitCode()).isEqualTo(137);
      assertThat(exit.tags()).containsEntry("termination", "timeout");
    });
  }

  @Test
  void cancelAsync() {
    // tag::cancel[]
    CompletableFuture<CommandResult> running = executor.runAsync(
        Sh.make(SLEEP, CATALOGUE).args("30"), RunOptions.defaults());
    // Cancelling (or orTimeout, or completeExceptionally) ends the process tree:
    // SIGTERM, the grace period, then SIGKILL.
    running.cancel(true);
    // end::cancel[]
    assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
    // The future is cancelled at once; the process tree is ended on the run's own thread.
    await().atMost(Duration.ofSeconds(10)).until(() -> executor.runningCommands().isEmpty());
    CompletableFuture<CommandResult> bounded = executor.runAsync(Sh.make(SLEEP, CATALOGUE).args("30"),
        RunOptions.defaults()).orTimeout(200, TimeUnit.MILLISECONDS);
    assertThatThrownBy(bounded::join).hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void interrupt() throws Exception {
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread worker = new Thread(() -> {
      // tag::interrupt[]
      try {
        executor.run(Sh.make(SLEEP, CATALOGUE).args("30"));
      } catch (CommandCancelledException e) {
        // The process tree has been ended and the thread's interrupt flag is set again.
        stillInterrupted.set(Thread.currentThread().isInterrupted()); // true
      }
      // end::interrupt[]
    });
    worker.start();
    Thread.sleep(300);
    worker.interrupt();
    worker.join(10_000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void shutdown() {
    // tag::shutdown[]
    CommandExecutor service = CommandExecutor.builder()
        .catalogue(CATALOGUE)
        .shutdownHook(true)          // without Spring: end what still runs when the JVM exits
        .build();
    CompletableFuture<CommandResult> running =
        service.runAsync(Sh.make(SLEEP, CATALOGUE).args("30"), RunOptions.defaults());

    // Refuse new runs at once, give running ones up to 1 s, then end their process trees.
    boolean finishedOnTheirOwn = service.shutdown(Duration.ofSeconds(1));   // false: sleep was ended
    // end::shutdown[]
    assertThat(finishedOnTheirOwn).isFalse();
    assertThatThrownBy(running::join).hasCauseInstanceOf(ExecutorShutdownException.class);
    assertThatThrownBy(() -> service.run(Sh.make(SLEEP, CATALOGUE).args("1")))
        .isInstanceOf(ExecutorShutdownException.class);
  }

  @Test
  void captureLimit() {
    // tag::capture-limit[]
    ExecutionContext small = ExecutionContext.builder().maxCaptureBytes(16).build();
    CommandResult result = executor.run(Sh.make(PRINTF, CATALOGUE).args("%s", "0123456789".repeat(10)),
        RunOptions.builder().context(small).build());
    result.truncated(); // true
    result.stdout();    // "0123456789012345\n[cuprum: output truncated at 16 bytes, 84 more bytes dropped]"
    // end::capture-limit[]
    assertThat(result.truncated()).isTrue();
    assertThat(result.stdout())
        .isEqualTo("0123456789012345\n[cuprum: output truncated at 16 bytes, 84 more bytes dropped]");
  }

  @Test
  void pinning() {
    // tag::pinning[]
    CommandExecutor pinned = CommandExecutor.builder()
        .catalogue(CATALOGUE)
        .pinPrograms(true)  // resolve every catalogue program in the JVM's PATH now
        .build();
    Optional<Path> echoFile = ProgramLocator.fromEnvironment().locate(ECHO); // e.g. /usr/bin/echo

    // The process's argv[0] is the file resolved when the executor was built.
    CommandResult result = pinned.run(Sh.make(SH, CATALOGUE).args("-c", "echo \"$0\""));
    // end::pinning[]
    assertThat(echoFile).isPresent();
    assertThat(result.stdout().trim()).isEqualTo(ProgramLocator.fromEnvironment().locate(SH).orElseThrow().toString());
  }
}
