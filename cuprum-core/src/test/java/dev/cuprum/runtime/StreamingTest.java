package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.YES;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningPipeline;
import dev.cuprum.RunningProcess;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.RecordedEvents;
import dev.cuprum.testing.TestPrograms;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output read while the process runs, stdin written while it runs, with real processes. */
class StreamingTest {

  private final RecordedEvents events = new RecordedEvents();
  private final List<String> afterHooks = new CopyOnWriteArrayList<>();
  private final CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
      .afterHook((cmd, result) -> afterHooks.add(cmd.program().name() + " " + result.exitCode()))
      .observeHook(events).build();

  @Test
  void linesArriveWhileTheProcessRunsAndStdinIsWrittenWhileItRuns() throws Exception {
    try (RunningProcess process = executor.start(sh("echo ready; read answer; echo \"got $answer\""),
        RunOptions.builder().stdin(StdinInput.pipe()).timeout(Duration.ofSeconds(30)).build());
        Stream<String> lines = process.stdoutLines()) {
      Iterator<String> iterator = lines.iterator();
      assertThat(iterator.next()).isEqualTo("ready");
      assertThat(process.onExit()).isNotDone();
      try (OutputStream stdin = process.stdin()) {
        stdin.write("forty-two\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(iterator.next()).isEqualTo("got forty-two");
      assertThat(iterator.hasNext()).isFalse();
      CommandResult result = process.await();
      assertThat(result.exitCode()).isZero();
      assertThat(result.stdout()).as("a taken stream is the reader's").isNull();
    }
    assertThat(afterHooks).containsExactly("sh 0");
    assertThat(events.of(ExecPhase.STDOUT)).extracting(ExecEvent::line).containsExactly("ready", "got forty-two");
    assertThat(events.of(ExecPhase.STDIN)).extracting(ExecEvent::byteCount).containsExactly(10L);
  }

  @Test
  void aReaderThatStopsHoldsTheProgramBackAndClosingEndsIt() throws Exception {
    RunningProcess process = executor.start(cmd(YES, "line"), RunOptions.defaults());
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
    for (int i = 0; i < 1000; i++) {
      assertThat(reader.readLine()).isEqualTo("line");
    }
    assertThat(process.onExit()).isNotDone();

    reader.close();

    assertThatThrownBy(() -> process.onExit().join()).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CommandCancelledException.class);
    assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    process.close();
  }

  @Test
  void aStreamNobodyTookIsCapturedIntoTheResult() {
    try (RunningProcess process = executor.start(sh("printf 'a\\nb\\n'; printf 'warn\\n' >&2"),
        RunOptions.defaults())) {
      CommandResult result = process.await();
      assertThat(result.stdout()).isEqualTo("a\nb\n");
      assertThat(result.stderr()).isEqualTo("warn\n");
    }
  }

  @Test
  void aStreamIsTakenOnce() {
    try (RunningProcess process = executor.start(sh("echo x"), RunOptions.defaults())) {
      process.stdoutLines().close();
      assertThatThrownBy(process::stdout).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("taken already");
    }
  }

  @Test
  void theTimeoutEndsTheTree() {
    try (RunningProcess process = executor.start(sh("sleep 30"),
        RunOptions.builder().timeout(Duration.ofMillis(300)).build())) {
      assertThatThrownBy(process::await).isInstanceOf(TimeoutExpiredException.class);
    }
  }

  @Test
  void thePublisherReadsOnlyWhatIsRequestedAndCancellingEndsTheRun() throws Exception {
    RunningProcess process = executor.start(cmd(YES, "p"), RunOptions.defaults());
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    Flow.Subscription[] subscription = new Flow.Subscription[1];
    process.stdoutPublisher().subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription[0] = s;
        s.request(3);
      }

      @Override
      public void onNext(String item) {
        received.add(item);
      }

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
    assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isEqualTo("p");
    assertThat(received).hasSize(2);

    subscription[0].cancel();

    assertThatThrownBy(() -> process.onExit().join()).hasCauseInstanceOf(CommandCancelledException.class);
    process.close();
  }

  @Test
  void refusalsAndBadInputAreThrownByStart(@TempDir Path dir) {
    Program rm = Program.of("rm");
    assertThatThrownBy(() -> executor.start(Sh.make(rm, ProgramCatalogue.of(
        ProjectSettings.builder("other").programs(rm).build())).args("-rf", "/tmp/x"), RunOptions.defaults()))
        .isInstanceOf(ForbiddenProgramException.class);
    assertThatThrownBy(() -> executor.run(sh("cat"), RunOptions.builder().stdin(StdinInput.pipe()).build()))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("CommandExecutor.start");
    try (RunningProcess process = executor.start(sh("echo x"),
        RunOptions.builder().stdoutFile(dir.resolve("out")).build())) {
      assertThatThrownBy(process::stdout).isInstanceOf(IllegalStateException.class).hasMessageContaining("the file");
      assertThatThrownBy(process::stdin).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aPipelineStreamsItsLastStageAndTakesItsFirstStagesInputWhileRunning() throws Exception {
    // Each stage writes every line at once (tr would hold its output until the end of input).
    try (RunningPipeline pipeline = executor.start(Pipeline.of(cmd(CAT), sh("while read l; do echo \"got $l\"; done")),
        RunOptions.builder().stdin(StdinInput.pipe()).timeout(Duration.ofSeconds(30)).build());
        BufferedReader lines = new BufferedReader(new InputStreamReader(pipeline.stdout(), StandardCharsets.UTF_8))) {
      assertThat(pipeline.pids()).hasSize(2);
      OutputStream stdin = pipeline.stdin();
      stdin.write("first\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      assertThat(lines.readLine()).isEqualTo("got first");
      assertThat(pipeline.onExit()).isNotDone();
      stdin.write("second\n".getBytes(StandardCharsets.UTF_8));
      stdin.close();
      assertThat(lines.readLine()).isEqualTo("got second");
      assertThat(lines.readLine()).isNull();
      PipelineResult result = pipeline.await();
      assertThat(result.ok()).isTrue();
      assertThat(result.stdout()).isNull();
    }
  }

  @Test
  void closingAPipelinesStreamEarlyEndsEveryStage() {
    RunningPipeline pipeline = executor.start(Pipeline.of(cmd(YES, "y"), cmd(CAT)), RunOptions.defaults());
    try (Stream<String> lines = pipeline.stdoutLines()) {
      assertThat(lines.limit(100)).hasSize(100);
    }
    assertThatThrownBy(() -> pipeline.onExit().join()).hasCauseInstanceOf(CommandCancelledException.class);
    assertThat(pipeline.pids()).allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    pipeline.close();
  }

  @Test
  void aPipelineNobodyReadsIsCapturedAsByRun() {
    try (RunningPipeline pipeline = executor.start(Pipeline.of(sh("printf 'b\\na\\n'"), cmd(TestPrograms.CAT)),
        RunOptions.defaults())) {
      assertThat(pipeline.await().stdout()).isEqualTo("b\na\n");
    }
  }
}
