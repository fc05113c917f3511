package dev.cuprum.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptureBufferTest {

  @Test
  void keepsBytesUpToTheLimitAndCountsTheRest() {
    CaptureBuffer buffer = new CaptureBuffer(5);
    byte[] chunk = "abcd".getBytes(StandardCharsets.UTF_8);
    buffer.append(chunk, 0, 4);
    buffer.append(chunk, 0, 4);
    buffer.append(chunk, 1, 2);
    assertThat(buffer.truncated()).isTrue();
    assertThat(buffer.text(StandardCharsets.UTF_8, CodingErrorAction.REPLACE, "stdout"))
        .isEqualTo("abcda\n[cuprum: output truncated at 5 bytes, 5 more bytes dropped]");
  }

  @Test
  void growsAcrossManyChunks() {
    CaptureBuffer buffer = new CaptureBuffer(Long.MAX_VALUE);
    byte[] chunk = new byte[10_000];
    java.util.Arrays.fill(chunk, (byte) 'z');
    for (int i = 0; i < 100; i++) {
      buffer.append(chunk, 0, chunk.length);
    }
    assertThat(buffer.truncated()).isFalse();
    assertThat(buffer.text(StandardCharsets.UTF_8, CodingErrorAction.IGNORE, "stdout")).hasSize(1_000_000);
  }
}
