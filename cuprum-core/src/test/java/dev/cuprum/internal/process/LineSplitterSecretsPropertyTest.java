package dev.cuprum.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the secrets, where they sit in a long line and how the bytes arrive, no piece of a
 * line holds part of a secret: masking each piece on its own masks every occurrence.
 */
class LineSplitterSecretsPropertyTest {

  private static final String MASK = "******";

  @Property(tries = 500)
  void masksEveryOccurrenceWhateverTheCutsAndChunks(
      @ForAll @Size(min = 1, max = 3) List<@From("secrets") String> secrets,
      @ForAll @Size(min = 1, max = 8) List<@From("fillers") String> fillers,
      @ForAll @IntRange(min = 8, max = 64) int maxLineChars,
      @ForAll @IntRange(min = 1, max = 50) int chunkSize) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fillers.size(); i++) {
      line.append(fillers.get(i)).append(secrets.get(i % secrets.size()));
    }
    List<String> sorted = new ArrayList<>(secrets);
    sorted.sort((a, b) -> b.length() - a.length());
    List<String> pieces = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(StandardCharsets.UTF_8, CodingErrorAction.REPLACE, pieces::add,
        maxLineChars, sorted);
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < bytes.length; offset += chunkSize) {
      splitter.feed(bytes, offset, Math.min(chunkSize, bytes.length - offset));
    }
    splitter.finish();

    assertThat(String.join("", pieces)).isEqualTo(line.toString());
    assertThat(String.join("", pieces.stream().map(piece -> mask(piece, sorted)).toList()))
        .isEqualTo(mask(line.toString(), sorted));
    int longest = sorted.get(0).length();
    assertThat(pieces).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(maxLineChars + longest));
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().withChars("abcXYZ019").ofMinLength(3).ofMaxLength(20).map(s -> "S" + s);
  }

  @Provide
  Arbitrary<String> fillers() {
    return Arbitraries.strings().withChars("abc xyz.").ofMaxLength(90);
  }

  private static String mask(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
