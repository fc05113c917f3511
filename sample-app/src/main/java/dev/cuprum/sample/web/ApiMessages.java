package dev.cuprum.sample.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the API. */
final class ApiMessages {

  private ApiMessages() {}

  /** {@code POST /api/echo}: the text to echo. */
  record EchoRequest(@Nullable String text) {}

  /** What a command printed: the answer of {@code /api/echo} and {@code /api/git/status}. */
  record CommandResponse(int exitCode, @Nullable String stdout, long durationMs) {}

  /** {@code POST /api/batch}: the texts to echo and how many at once (the configured default if absent). */
  record BatchRequest(@Nullable List<@Nullable String> texts, @Nullable Integer concurrency) {}

  /** One command of a batch. */
  record BatchItem(int exitCode, @Nullable String stdout) {}

  /** The answer of {@code /api/batch}, in the order of the texts. */
  record BatchResponse(boolean ok, List<BatchItem> results) {}

  /** The answer to every refused or failed request. */
  record ApiError(String error) {}
}
