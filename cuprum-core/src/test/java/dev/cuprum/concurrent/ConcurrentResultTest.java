package dev.cuprum.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Program;
import dev.cuprum.Termination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrentResultTest {

  private static CommandResult exited(int code) {
    return new CommandResult(Program.of("sh"), List.of("-c", "exit " + code), code, 100 + code, "", "",
        Duration.ofMillis(1), false, Termination.NONE);
  }

  @Test
  void withoutSubmissionIndicesEveryResultIsAtItsOwnPosition() {
    ConcurrentResult result = new ConcurrentResult(List.of(exited(0), exited(1), exited(0), exited(2)), List.of(1, 3));
    assertThat(result.submissionIndices()).containsExactly(0, 1, 2, 3);
    assertThat(result.failureSubmissionIndices()).containsExactly(1, 3);
    assertThat(result.ok()).isFalse();
    assertThat(result.firstFailure()).isSameAs(result.results().get(1));

    ConcurrentResult empty = new ConcurrentResult(List.of(), List.of());
    assertThat(empty.submissionIndices()).isEmpty();
    assertThat(empty.ok()).isTrue();
    assertThat(empty.firstFailure()).isNull();
  }

  @Test
  void submissionIndicesMustMatchTheResults() {
    assertThatThrownBy(() -> new ConcurrentResult(List.of(exited(0)), List.of(), List.of()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("submissionIndices length (0) must match results length (1)");
    assertThatThrownBy(() -> new ConcurrentResult(List.of(), List.of(), List.of(3)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("submissionIndices length (1) must match results length (0)");
    assertThat(new ConcurrentResult(List.of(), List.of(), List.of()).results()).isEmpty();
  }

  @Test
  void compactedFailuresMapBackToTheirSubmissionIndices() {
    ConcurrentResult result = new ConcurrentResult(List.of(exited(0), exited(7), exited(3)), List.of(1, 2),
        List.of(2, 5, 6));
    assertThat(result.failureSubmissionIndices()).containsExactly(5, 6);
    for (int k = 0; k < result.failures().size(); k++) {
      assertThat(result.failureSubmissionIndices().get(k))
          .isEqualTo(result.submissionIndices().get(result.failures().get(k)));
    }
    assertThat(result.firstFailure().exitCode()).isEqualTo(7);
  }

  @Test
  void failuresMustPointIntoTheResults() {
    assertThatThrownBy(() -> new ConcurrentResult(List.of(exited(1)), List.of(1)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("failure index 1");
    assertThatThrownBy(() -> new ConcurrentResult(List.of(exited(1)), List.of(-1)))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void isImmutable() {
    List<CommandResult> results = new ArrayList<>(List.of(exited(0)));
    ConcurrentResult result = new ConcurrentResult(results, List.of());
    results.add(exited(1));
    assertThat(result.results()).hasSize(1);
    assertThatThrownBy(() -> result.results().add(exited(2))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anExecutionExceptionKeepsEveryErrorInSubmissionOrder() {
    RuntimeException second = new IllegalStateException("second");
    RuntimeException first = new IllegalStateException("first");
    ConcurrentResult partial = new ConcurrentResult(List.of(exited(0)), List.of(), List.of(1));
    ConcurrentExecutionException failure = new ConcurrentExecutionException("2 failed", partial,
        Map.of(4, second, 0, first));
    assertThat(failure.errors().keySet()).containsExactly(0, 4);
    assertThat(failure.getCause()).isSameAs(first);
    assertThat(failure.getSuppressed()).containsExactly(second);
    assertThat(failure.partialResult()).isSameAs(partial);
    assertThat(failure).hasMessage("2 failed");
  }
}
