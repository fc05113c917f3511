package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static dev.cuprum.docs.Tools.SLEEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentExecutionException;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.concurrent.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's section on concurrent runs. */
class ConcurrencySnippets {

  private final CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).build();

  @Test
  void concurrent() {
    // tag::concurrent[]
    List<SafeCmd> commands = IntStream.range(0, 5)
        .mapToObj(i -> Sh.make(SH, CATALOGUE).args("-c", "sleep 0.$1; echo task-$1", "sh", 5 - i))
        .toList();
    ConcurrentConfig config = ConcurrentConfig.builder()
        .concurrency(3)       // at most 3 processes at once; null for no limit of its own
        .build();

    ConcurrentResult result = executor.runConcurrent(commands, config);
    result.ok();                                    // true
    // Submission order, whatever the completion order:
    result.results().get(0).stdout();               // "task-5\n"
    // end::concurrent[]
    assertThat(result.ok()).isTrue();
    assertThat(result.results()).extracting(CommandResult::stdout)
        .containsExactly("task-5\n", "task-4\n", "task-3\n", "task-2\n", "task-1\n");
    assertThat(result.submissionIndices()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void collectFailures() {
    // tag::concurrent-failures[]
    ConcurrentResult result = executor.runConcurrent(List.of(
        Sh.make(ECHO).args("ok"),
        Sh.make(SH, CATALOGUE).args("-c", "exit 1"),
        Sh.make(ECHO).args("ok"),
        Sh.make(SH, CATALOGUE).args("-c", "exit 2")), ConcurrentConfig.defaults());
    result.ok();                        // false
    result.failures();                  // [1, 3]: positions in results()
    result.firstFailure().exitCode();   // 1
    // end::concurrent-failures[]
    assertThat(result.ok()).isFalse();
    assertThat(result.failures()).containsExactly(1, 3);
    assertThat(result.firstFailure().exitCode()).isEqualTo(1);
    assertThat(result.results()).hasSize(4);
  }

  @Test
  void failFast() {
    Instant start = Instant.now();
    // tag::concurrent-fail-fast[]
    ConcurrentResult result = executor.runConcurrent(List.of(
        Sh.make(SLEEP, CATALOGUE).args("30"),
        Sh.make(SH, CATALOGUE).args("-c", "exit 7")),
        ConcurrentConfig.builder().failFast(true).build());
    // The sleep was ended and left out: results are compacted.
    result.results().size();                  // 1
    result.submissionIndices();               // [1]
    result.failures();                        // [0]: a position in results()
    result.failureSubmissionIndices();        // [1]: a position in the submitted list
    result.firstFailure().exitCode();         // 7
    // end::concurrent-fail-fast[]
    assertThat(result.results()).hasSize(1);
    assertThat(result.submissionIndices()).containsExactly(1);
    assertThat(result.failures()).containsExactly(0);
    assertThat(result.failureSubmissionIndices()).containsExactly(1);
    assertThat(result.firstFailure().exitCode()).isEqualTo(7);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void errors() {
    // tag::concurrent-errors[]
    // Per-command timeouts come from the context (or the scope, or the executor).
    ConcurrentConfig config = ConcurrentConfig.builder()
        .context(ExecutionContext.builder().timeout(Duration.ofMillis(300)).build())
        .build();
    try {
      executor.runConcurrent(List.of(
          Sh.make(ECHO).args("fast"),
          Sh.make(SLEEP, CATALOGUE).args("30")), config);
    } catch (ConcurrentExecutionException e) {
      // Nothing is lost: every finished result and every exception, by submission index.
      e.partialResult().results().get(0).stdout();   // "fast\n"
      e.errors().get(1);                             // TimeoutExpiredException
    }
    // end::concurrent-errors[]
    ConcurrentExecutionException thrown = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(Sh.make(ECHO).args("fast"), Sh.make(SLEEP, CATALOGUE).args("30")),
            config));
    assertThat(thrown.partialResult().results()).extracting(CommandResult::stdout).containsExactly("fast\n");
    assertThat(thrown.partialResult().submissionIndices()).containsExactly(0);
    assertThat(thrown.errors()).containsOnlyKeys(1);
    assertThat(thrown.errors().get(1)).isInstanceOf(TimeoutExpiredException.class);
    assertThat(thrown.getCause()).isSameAs(thrown.errors().get(1));
  }

  @Test
  void batchTimeout() {
    // tag::concurrent-timeout[]
    ConcurrentConfig bounded = ConcurrentConfig.builder()
        .timeout(Duration.ofSeconds(1))   // the whole batch; what still runs then is ended
        .build();
    try {
      executor.runConcurrent(List.of(
          Sh.make(ECHO).args("done"),
          Sh.make(SLEEP, CATALOGUE).args("30")), bounded);
    } catch (ConcurrentExecutionException e) {
      e.getMessage();                    // "Batch of 2 commands timed out after 1 seconds; 1 finished"
      e.partialResult().results();       // the echo's result
    }
    // end::concurrent-timeout[]
    ConcurrentExecutionException thrown = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(Sh.make(ECHO).args("done"), Sh.make(SLEEP, CATALOGUE).args("30")),
            bounded));
    assertThat(thrown).hasMessage("Batch of 2 commands timed out after 1 seconds; 1 finished");
    assertThat(thrown.partialResult().results()).hasSize(1);
    assertThat(thrown.errors()).containsOnlyKeys(1);
  }

  @Test
  void retriesAndListener(@TempDir Path dir) throws Exception {
    Path attempts = dir.resolve("attempts");
    // tag::concurrent-retry[]
    List<String> progress = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int index, SafeCmd cmd) {
        progress.add("started " + index);
      }

      @Override
      public void finished(int index, CommandResult result) {
        progress.add("finished " + index + " exit=" + result.exitCode());
      }
    };
    // Fails twice, then succeeds: it counts its attempts in a file.
    SafeCmd flaky = Sh.make(SH, CATALOGUE).args("-c", "echo x >> \"$1\"; [ $(wc -l < \"$1\") -ge 3 ]", "sh",
        attempts);
    ConcurrentConfig config = ConcurrentConfig.builder()
        .retry(RetryPolicy.onFailure(3))   // up to 3 runs; 100 ms, then 200 ms between them
        .listener(listener)
        .build();

    ConcurrentResult result = executor.runConcurrent(List.of(flaky), config);
    result.ok(); // true
    // progress: [started 0, finished 0 exit=1, started 0, finished 0 exit=1, started 0, finished 0 exit=0]
    // end::concurrent-retry[]
    assertThat(result.ok()).isTrue();
    assertThat(Files.readAllLines(attempts)).hasSize(3);
    assertThat(progress).containsExactly("started 0", "finished 0 exit=1", "started 0", "finished 0 exit=1",
        "started 0", "finished 0 exit=0");
  }

  @Test
  void async() {
    // tag::concurrent-async[]
    CompletableFuture<ConcurrentResult> batch = executor.runConcurrentAsync(
        List.of(Sh.make(ECHO).args("a"), Sh.make(ECHO).args("b")), ConcurrentConfig.defaults());
    // cancel(true) would end every running command and start no other.
    ConcurrentResult result = batch.join();
    // end::concurrent-async[]
    assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("a\n", "b\n");
  }
}
