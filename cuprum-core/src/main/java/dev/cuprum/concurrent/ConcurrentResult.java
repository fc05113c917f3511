package dev.cuprum.concurrent;

import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The results of a batch, in submission order.
 *
 * <p>In fail-fast mode the results are compacted: commands that never finished are left out,
 * {@link #submissionIndices()} gives each result's position in the submitted list, and
 * {@link #failures()} are positions within {@link #results()}.
 *
 * @param results the finished commands' results, in submission order
 * @param failures positions in {@code results} of non-zero exits, ascending
 * @param submissionIndices for each result, its index in the submitted list
 */
public record ConcurrentResult(List<CommandResult> results, List<Integer> failures, List<Integer> submissionIndices) {

  public ConcurrentResult {
    results = List.copyOf(results);
    failures = List.copyOf(failures);
    submissionIndices = List.copyOf(submissionIndices);
    if (submissionIndices.size() != results.size()) {
      throw new InvalidArgumentException("submissionIndices length (" + submissionIndices.size()
          + ") must match results length (" + results.size() + ")");
    }
    for (int failure : failures) {
      if (failure < 0 || failure >= results.size()) {
        throw new InvalidArgumentException(
            "failure index " + failure + " is outside the " + results.size() + " results");
      }
    }
  }

  /** A result whose commands all finished: submission indices are {@code 0..n-1}. */
  public ConcurrentResult(List<CommandResult> results, List<Integer> failures) {
    this(results, failures, IntStream.range(0, results.size()).boxed().toList());
  }

  /** Whether no result is a failure. */
  public boolean ok() {
    return failures.isEmpty();
  }

  /** The first failing result in submission order, or null. */
  public @Nullable CommandResult firstFailure() {
    return failures.isEmpty() ? null : results.get(failures.get(0));
  }

  /** The submission index of each failure. */
  public List<Integer> failureSubmissionIndices() {
    return failures.stream().map(submissionIndices::get).toList();
  }
}
