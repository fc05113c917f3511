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
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private static List<String> split(Charset charset, int maxLine, byte[]... chunks) {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(charset, CodingErrorAction.REPLACE, lines::add, maxLine, List.of());
    for (byte[] chunk : chunks) {
      splitter.feed(chunk, 0, chunk.length);
    }
    splitter.finish();
    return lines;
  }

  private static List<String> split(String... chunks) {
    byte[][] bytes = new byte[chunks.length][];
    for (int i = 0; i < chunks.length; i++) {
      bytes[i] = chunks[i].getBytes(StandardCharsets.UTF_8);
    }
    return split(StandardCharsets.UTF_8, LineSplitter.MAX_LINE_CHARS, bytes);
  }

  @Test
  void endsLinesAtEachTerminatorAndStripsIt() {
    assertThat(split("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
    assertThat(split("a\n\n")).containsExactly("a", "");
    assertThat(split("\r")).containsExactly("");
    assertThat(split("")).isEmpty();
    assertThat(split("a\u000bb\n")).containsExactly("a\u000bb");
  }

  @Test
  void joinsTerminatorsAndLinesSplitAcrossReads() {
    assertThat(split("first\nsec", "ond\n")).containsExactly("first", "second");
    assertThat(split("a\r", "\nb")).containsExactly("a", "b");
    assertThat(split("a\r", "b")).containsExactly("a", "b");
  }

  @Test
  void keepsTerminatorsAndCharactersWholeAcrossDecodeSlices() {
    // One read larger than the decode buffer is decoded and split in slices of 8 Ki chars.
    String before = "x".repeat(8 * 1024 - 1);
    assertThat(split(before + "\r\ny\n")).containsExactly(before, "y");
    String pairs = "\uD83D\uDE00".repeat(5000);
    assertThat(split("a" + pairs + "\nb\r", "\nc")).containsExactly("a" + pairs, "b", "c");
  }

  @Test
  void decodesCharactersSplitAcrossReads() {
    byte[] snowman = "\u2603".getBytes(StandardCharsets.UTF_8);
    assertThat(split(StandardCharsets.UTF_8, 100, new byte[] {'x', snowman[0]}, new byte[] {snowman[1]},
        new byte[] {snowman[2], '\n'})).containsExactly("x\u2603");
  }

  @Test
  void danglingPartialCharacterIsReplacedAtTheEnd() {
    assertThat(split(StandardCharsets.UTF_8, 100, new byte[] {'a', (byte) 0xf0, (byte) 0x9f})).containsExactly("a\ufffd");
  }

  @Test
  void longLinesArriveInPiecesOfTheCap() {
    assertThat(split(StandardCharsets.UTF_8, 4, "abcdefghij\nxyz".getBytes(StandardCharsets.UTF_8)))
        .containsExactly("abcd", "efgh", "ij", "xyz");
    assertThat(split(StandardCharsets.UTF_8, 4, "abcd\n".getBytes(StandardCharsets.UTF_8))).containsExactly("abcd");
  }

  @Test
  void piecesNeverSplitASurrogatePair() {
    List<String> pieces = split(StandardCharsets.UTF_8, 3, "ab\uD83D\uDE00cd".getBytes(StandardCharsets.UTF_8));
    assertThat(pieces).containsExactly("ab", "\uD83D\uDE00c", "d");
  }

  @Property(tries = 300)
  void linesDoNotDependOnHowTheBytesWereChunked(@ForAll("text") String text, @ForAll("cuts") List<Integer> cuts) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(split(StandardCharsets.UTF_8, 8, chunked(bytes, cuts)))
        .isEqualTo(split(StandardCharsets.UTF_8, 8, bytes));
  }

  @Property(tries = 300)
  void arbitraryBytesDecodeTheSameWhateverTheChunking(@ForAll byte[] bytes, @ForAll("cuts") List<Integer> cuts) {
    assertThat(split(StandardCharsets.UTF_8, 16, chunked(bytes, cuts)))
        .isEqualTo(split(StandardCharsets.UTF_8, 16, bytes));
  }

  /** The bytes cut at the given offsets (taken modulo the length), in order. */
  private static byte[][] chunked(byte[] bytes, List<Integer> cuts) {
    List<byte[]> chunks = new ArrayList<>();
    int start = 0;
    for (int cut : cuts.stream().map(c -> Math.floorMod(c, bytes.length + 1)).sorted().distinct().toList()) {
      chunks.add(Arrays.copyOfRange(bytes, start, cut));
      start = cut;
    }
    chunks.add(Arrays.copyOfRange(bytes, start, bytes.length));
    return chunks.toArray(new byte[0][]);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab\r\n é☃").withCharRange('\uD83D', '\uD83D').ofMaxLength(60)
        .map(s -> s.replace("\uD83D", "\uD83D\uDE00"));
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(8);
  }
}
