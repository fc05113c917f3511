package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static dev.cuprum.docs.Tools.TR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The span names and attributes of {@code docs/observability.md} are the ones Cuprum records. */
class SpanDocsTest {

  private static final Path DOCUMENT = Path.of("").toAbsolutePath().getParent().resolve("docs/observability.md");
  private static final Pattern KEY = Pattern.compile("`((?:cuprum|process)\\.[a-z_.]+|error\\.type)");

  @Test
  void theTracesSectionNamesExactlyWhatSpansCarry() throws IOException {
    SimpleTracer tracer = new SimpleTracer();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).observationRegistry(registry).build();

    executor.run(Sh.make(ECHO).args("single"));
    executor.run(Sh.make(SH, CATALOGUE).args("-c", "exit 3"));
    executor.run(Sh.make(ECHO).args("piped").pipe(Sh.make(TR, CATALOGUE).args("a-z", "A-Z")));
    executor.runConcurrent(List.of(Sh.make(ECHO).args("a"), Sh.make(ECHO).args("b")), ConcurrentConfig.defaults());

    Set<String> recorded = new TreeSet<>();
    for (SimpleSpan span : tracer.getSpans()) {
      recorded.add(span.getName().split(" ")[0]);
      recorded.addAll(span.getTags().keySet());
    }
    assertThat(tracer.getSpans()).extracting(SimpleSpan::getName)
        .contains("cuprum.exec echo", "cuprum.exec tr", "cuprum.pipeline", "cuprum.batch");
    assertThat(recorded).isEqualTo(documentedKeys());
  }

  /**
   * The attribute names in code spans of the section "Traces" (those of Cuprum and of
   * OpenTelemetry's conventions), properties left out.
   */
  private static Set<String> documentedKeys() throws IOException {
    String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    int start = document.indexOf("\n## Traces\n");
    int end = document.indexOf("\n## ", start + 1);
    assertThat(start).as("the section Traces").isPositive();
    Set<String> keys = new TreeSet<>();
    Matcher key = KEY.matcher(document.substring(start, end));
    while (key.find()) {
      if (!key.group(1).startsWith("cuprum.observations.")) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }
}
