package dev.cuprum.sample.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of the sample's HTTP API, under the prefix {@code sample}.
 *
 * @param echo the limits of {@code POST /api/echo} and of each text of a batch
 * @param batch the limits of {@code POST /api/batch}
 * @param git the directories {@code GET /api/git/status} may look at
 * @param jobs the commands {@code POST /api/jobs/{name}} runs, by name: each an argv whose first
 *     element is a catalogue program; a request chooses a job by name and can change nothing else
 */
@ConfigurationProperties("sample")
public record SampleProperties(
    @DefaultValue Echo echo, @DefaultValue Batch batch, @DefaultValue Git git,
    @DefaultValue Map<String, List<String>> jobs) {

  /**
   * @param maxTextLength the longest text echoed, in characters
   */
  public record Echo(@DefaultValue("1000") int maxTextLength) {}

  /**
   * @param maxTexts the most texts of one batch
   * @param maxConcurrency the highest concurrency a batch may ask for
   */
  public record Batch(@DefaultValue("16") int maxTexts, @DefaultValue("8") int maxConcurrency) {}

  /**
   * @param roots directories under which git status may run; a requested directory must resolve
   *     (symbolic links followed) to one of them or below
   */
  public record Git(@DefaultValue List<Path> roots) {}
}
