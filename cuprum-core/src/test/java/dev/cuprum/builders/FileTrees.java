package dev.cuprum.builders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes small directory trees and reads them back for comparison. */
final class FileTrees {

  private FileTrees() {}

  /**
   * Fills {@code root} with text, binary, nested, empty-directory and odd-name entries: what an
   * archive or a sync has to carry over.
   */
  static Path write(Path root) throws IOException {
    Files.createDirectories(root.resolve("nested/deeper"));
    Files.createDirectories(root.resolve("hollow"));
    Files.writeString(root.resolve("a.txt"), "alpha\n");
    Files.writeString(root.resolve("with space é.txt"), "spaced\n");
    byte[] binary = new byte[10_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + i / 7);
    }
    Files.write(root.resolve("nested/deeper/b.bin"), binary);
    return root;
  }

  /** Every entry under {@code root} by relative path: a directory as {@code "dir"}, a file as hex. */
  static Map<String, String> read(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(path -> !path.equals(root)).forEach(path -> entries.put(root.relativize(path).toString(), describe(path)));
    }
    return entries;
  }

  private static String describe(Path path) {
    if (Files.isDirectory(path)) {
      return "dir";
    }
    try {
      return HexFormat.of().formatHex(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
