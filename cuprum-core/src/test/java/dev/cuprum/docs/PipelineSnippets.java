package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.docs.Tools.CAT;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static dev.cuprum.docs.Tools.SLEEP;
import static dev.cuprum.docs.Tools.TR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.Termination;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The guide's section on pipelines. */
class PipelineSnippets {

  private final CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).build();

  @Test
  void pipeline() {
    // tag::pipeline[]
    Pipeline shout = Sh.make(ECHO).args("-n", "hello")
        .pipe(Sh.make(TR, CATALOGUE).args("a-z", "A-Z"));

    PipelineResult result = executor.run(shout);
    result.stdout();                  // "HELLO": the final stage's stdout
    result.ok();                      // true: no stage failed
    result.stages().get(0).stdout();  // null: only the final stage's stdout is captured
    result.stages().get(0).stderr();  // "": every stage's stderr is captured separately
    // end::pipeline[]
    assertThat(result.stdout()).isEqualTo("HELLO");
    assertThat(result.ok()).isTrue();
    assertThat(result.failureIndex()).isNull();
    assertThat(result.stages().get(0).stdout()).isNull();
    assertThat(result.stages().get(0).stderr()).isEmpty();
  }

  @Test
  void failFast() {
    Instant start = Instant.now();
    // tag::pipeline-fail-fast[]
    // The first stage fails while the second would run for 30 s: the second is ended.
    PipelineResult result = executor.run(Pipeline.of(
        Sh.make(SH, CATALOGUE).args("-c", "exit 3"),
        Sh.make(SLEEP, CATALOGUE).args("30")));

    result.ok();                               // false
    result.failureIndex();                     // 0
    result.failure().exitCode();               // 3
    CommandResult ended = result.stages().get(1);
    ended.termination();                       // FAIL_FAST
    ended.exitCode();                          // 143: 128 + SIGTERM
    // end::pipeline-fail-fast[]
    assertThat(result.ok()).isFalse();
    assertThat(result.failureIndex()).isZero();
    assertThat(result.failure().exitCode()).isEqualTo(3);
    assertThat(ended.termination()).isEqualTo(Termination.FAIL_FAST);
    assertThat(ended.exitCode()).isEqualTo(143);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void brokenPipe() {
    // tag::pipeline-sigpipe[]
    // head stops reading after one line; yes dies of SIGPIPE (141), which is not a failure.
    PipelineResult result = executor.run(Pipeline.of(
        Sh.make(SH, CATALOGUE).args("-c", "yes"),
        Sh.make(SH, CATALOGUE).args("-c", "head -n 1")));
    result.ok();     // true
    result.stdout(); // "y\n"
    // end::pipeline-sigpipe[]
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("y\n");
    assertThat(result.stages().get(0).exitCode()).isIn(0, 141);
  }

  @Test
  void pipelineStdin() {
    // tag::pipeline-stdin[]
    // StdinInput feeds the first stage; one timeout covers the whole pipeline.
    RunOptions options = RunOptions.builder()
        .stdin(StdinInput.text("b\na\nc\n"))
        .timeout(Duration.ofSeconds(10))
        .build();
    PipelineResult sorted = executor.run(
        Sh.make(CAT, CATALOGUE).args().pipe(Sh.make(SH, CATALOGUE).args("-c", "sort")), options);
    sorted.stdout(); // "a\nb\nc\n"
    // end::pipeline-stdin[]
    assertThat(sorted.stdout()).isEqualTo("a\nb\nc\n");
  }
}
