package dev.cuprum.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the bytes and however they are cut into reads, the splitter gives the lines of the whole
 * input decoded at once: lines found in the bytes and lines found by the decoder agree, and a line
 * longer than the cap comes in pieces of the cap.
 */
class LineSplitterChunkingPropertyTest {

  /** ASCII, terminators, two- to four-byte characters, and bytes that are malformed in UTF-8. */
  private static final byte[][] PARTS = {
      {'a'}, {'b'}, {' '}, {'\n'}, {'\r'}, {'\r', '\n'},
      {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
      {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC3} };

  @Property(tries = 1000)
  void linesAreThoseOfTheWholeInput(@ForAll("inputs") byte[] input, @ForAll("cuts") List<Integer> cuts,
      @ForAll @IntRange(min = 1, max = 12) int maxLine, @ForAll("charsets") Charset charset) {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(charset, CodingErrorAction.REPLACE, lines::add, maxLine, List.of());
    int at = 0;
    for (int cut : cuts) {
      int end = Math.min(input.length, at + cut);
      // A read lands anywhere in a larger buffer, as the pump's do.
      byte[] buffer = new byte[end - at + 4];
      System.arraycopy(input, at, buffer, 2, end - at);
      splitter.feed(buffer, 2, end - at);
      at = end;
    }
    splitter.feed(Arrays.copyOfRange(input, at, input.length), 0, input.length - at);
    splitter.finish();

    assertThat(lines).isEqualTo(expected(new String(input, charset), maxLine));
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Arbitraries.of(PARTS).list().ofMaxSize(60).map(parts -> {
      int size = parts.stream().mapToInt(part -> part.length).sum();
      byte[] input = new byte[size];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, input, at, part.length);
        at += part.length;
      }
      return input;
    });
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 20).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII,
        StandardCharsets.UTF_16LE);
  }

  /** The lines of {@code text}, each longer than {@code maxLine} cut before the cap (never inside a surrogate pair). */
  private static List<String> expected(String text, int maxLine) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        addPieces(lines, line.toString(), maxLine);
        line.setLength(0);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        line.append(c);
      }
    }
    if (line.length() > 0) {
      addPieces(lines, line.toString(), maxLine);
    }
    return lines;
  }

  private static void addPieces(List<String> lines, String line, int maxLine) {
    String rest = line;
    while (rest.length() > maxLine) {
      int cut = maxLine > 1 && Character.isHighSurrogate(rest.charAt(maxLine - 1)) ? maxLine - 1 : maxLine;
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    lines.add(rest);
  }
}
