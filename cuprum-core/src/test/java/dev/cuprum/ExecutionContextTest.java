package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionContextTest {

  @Test
  void aNewBuilderOverridesNothing() {
    ExecutionContext empty = ExecutionContext.builder().build();

    assertThat(empty.cwd()).isNull();
    assertThat(empty.cancelGrace()).isNull();
    assertThat(empty.timeout()).isNull();
    assertThat(empty.charset()).isNull();
    assertThat(empty.malformedInput()).isNull();
    assertThat(empty.drainTimeout()).isNull();
    assertThat(empty.maxCaptureBytes()).isNull();
    assertThat(empty.env()).isEmpty();
    assertThat(empty.tags()).isEmpty();
    assertThat(empty.allowedEnvKeys()).isEmpty();
    assertThat(empty.over(ExecutionContext.defaults())).isEqualTo(ExecutionContext.defaults());
  }

  @Test
  void theLibraryDefaultsAreFullyResolved() {
    ExecutionContext defaults = ExecutionContext.defaults();

    assertThat(defaults.cancelGrace()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(defaults.malformedInput()).isEqualTo(CodingErrorAction.REPLACE);
    assertThat(defaults.drainTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.maxCaptureBytes()).isEqualTo(128L * 1024 * 1024);
    assertThat(defaults.timeout()).isNull();
    assertThat(defaults.cwd()).isNull();
  }

  @Test
  void overTakesEachSetComponentAndInheritsTheRest() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    ExecutionContext base = ExecutionContext.builder().cwd(Path.of("/base")).cancelGrace(Duration.ofSeconds(3))
        .timeout(Duration.ofSeconds(30)).charset(StandardCharsets.ISO_8859_1).drainTimeout(Duration.ofSeconds(4))
        .maxCaptureBytes(10).stdoutSink(sink).build().over(ExecutionContext.defaults());
    ExecutionContext call = ExecutionContext.builder().cwd(Path.of("/call")).maxCaptureBytes(20).build();

    ExecutionContext resolved = call.over(base);

    assertThat(resolved.cwd()).isEqualTo(Path.of("/call"));
    assertThat(resolved.maxCaptureBytes()).isEqualTo(20);
    assertThat(resolved.cancelGrace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(resolved.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(resolved.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(resolved.malformedInput()).isEqualTo(CodingErrorAction.REPLACE);
    assertThat(resolved.drainTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(resolved.stdoutSink()).isSameAs(sink);
    assertThat(resolved.stderrSink()).isNull();
  }

  @Test
  void environmentsTagsAndAllowedKeysMergeWithTheCallWinning() {
    ExecutionContext base = ExecutionContext.builder().env(Map.of("A", "base", "B", "base"))
        .tags(Map.of("team", "ops", "tier", 1)).allowEnvKeys("LD_LIBRARY_PATH").build();
    ExecutionContext call = ExecutionContext.builder().env(Map.of("B", "call", "C", "call"))
        .tags(Map.of("tier", 2)).allowEnvKeys("GIT_SSH").build();

    ExecutionContext resolved = call.over(base);

    assertThat(resolved.env()).containsOnly(Map.entry("A", "base"), Map.entry("B", "call"), Map.entry("C", "call"));
    assertThat(resolved.tags()).containsOnly(Map.entry("team", "ops"), Map.entry("tier", 2));
    assertThat(resolved.allowedEnvKeys()).containsExactlyInAnyOrder("LD_LIBRARY_PATH", "GIT_SSH");
  }

  @Test
  void tagKeysThatCuprumSetsAreRefusedNamingTheKey() {
    for (String reserved : ExecutionContext.RESERVED_TAG_KEYS) {
      assertThatThrownBy(() -> ExecutionContext.builder().tags(Map.of(reserved, "mine")).build())
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageStartingWith("Tag '" + reserved + "' is set by Cuprum itself");
    }
    assertThat(ExecutionContext.RESERVED_TAG_KEYS)
        .contains("project", "termination", "pipeline_stage_index", "pipeline_stages", "capture", "echo");
  }

  @Test
  void invalidValuesAreRefusedWhenTheContextIsBuilt() {
    assertThatThrownBy(() -> ExecutionContext.builder().cancelGrace(Duration.ofMillis(-1)).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cancelGrace");
    assertThatThrownBy(() -> ExecutionContext.builder().drainTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("drainTimeout");
    assertThatThrownBy(() -> ExecutionContext.builder().maxCaptureBytes(0).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxCaptureBytes");
  }

  @Test
  void theElevenComponentConstructorAllowsNoExtraEnvironmentKeys() {
    ExecutionContext context = new ExecutionContext(Map.of(), null, null, null, null, null, null, null, Map.of(), null,
        null);

    assertThat(context).isEqualTo(ExecutionContext.builder().build());
  }
}
