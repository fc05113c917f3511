package dev.cuprum.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixture file of recorded commands and their replies, readable and fit to commit: a comment
 * line, then one block per command, blocks separated by a blank line. Strings are quoted, with
 * {@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} escapes.
 *
 * <pre>
 * command "git" "status" "--short"
 * exit 0
 * stdout " M README.md\n"
 * stderr ""
 * </pre>
 */
final class Fixture {

  private static final String HEADER = "# Cuprum command fixture: recorded replies, secrets masked.";

  /** One recorded command: the program's name, the masked arguments and what it did. */
  record Entry(String program, List<String> argv, int exitCode, String stdout, String stderr) {

    Entry {
      argv = List.copyOf(argv);
    }
  }

  private Fixture() {}

  static void write(Path file, List<Entry> entries) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Entry entry : entries) {
      text.append('\n').append("command ").append(quote(entry.program()));
      entry.argv().forEach(argument -> text.append(' ').append(quote(argument)));
      text.append('\n').append("exit ").append(entry.exitCode()).append('\n')
          .append("stdout ").append(quote(entry.stdout())).append('\n')
          .append("stderr ").append(quote(entry.stderr())).append('\n');
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the fixture " + file, e);
    }
  }

  /**
   * The entries of a fixture file.
   *
   * @throws IllegalArgumentException naming the line when the file is not a fixture
   */
  static List<Entry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the fixture " + file, e);
    }
    List<Entry> entries = new ArrayList<>();
    List<String> command = null;
    Integer exit = null;
    String stdout = null;
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + number;
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1);
      switch (key) {
        case "command" -> {
          command = unquoteAll(rest, where);
          if (command.isEmpty()) {
            throw new IllegalArgumentException(where + ": a command needs a program");
          }
        }
        case "exit" -> exit = parseExit(rest, where);
        case "stdout" -> stdout = single(rest, where);
        case "stderr" -> {
          if (command == null || exit == null || stdout == null) {
            throw new IllegalArgumentException(where + ": stderr must follow command, exit and stdout");
          }
          entries.add(new Entry(command.get(0), command.subList(1, command.size()), exit, stdout, single(rest, where)));
          command = null;
          exit = null;
          stdout = null;
        }
        default -> throw new IllegalArgumentException(where + ": unknown line '" + key + "'");
      }
    }
    if (command != null) {
      throw new IllegalArgumentException(file + ": the last command is incomplete");
    }
    return entries;
  }

  private static int parseExit(String text, String where) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": exit needs a number, got '" + text + "'", e);
    }
  }

  private static String single(String text, String where) {
    List<String> values = unquoteAll(text, where);
    if (values.size() != 1) {
      throw new IllegalArgumentException(where + ": expected one quoted string");
    }
    return values.get(0);
  }

  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  static List<String> unquoteAll(String text, String where) {
    List<String> values = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c != '"') {
        throw new IllegalArgumentException(where + ": expected a quoted string at column " + (i + 1));
      }
      StringBuilder value = new StringBuilder();
      i++;
      while (true) {
        if (i >= text.length()) {
          throw new IllegalArgumentException(where + ": unterminated string");
        }
        char d = text.charAt(i++);
        if (d == '"') {
          break;
        }
        if (d != '\\') {
          value.append(d);
          continue;
        }
        if (i >= text.length()) {
          throw new IllegalArgumentException(where + ": unterminated escape");
        }
        char escaped = text.charAt(i++);
        switch (escaped) {
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case '\\', '"' -> value.append(escaped);
          case 'u' -> {
            if (i + 4 > text.length()) {
              throw new IllegalArgumentException(where + ": short \\u escape");
            }
            value.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException(where + ": unknown escape \\" + escaped);
        }
      }
      values.add(value.toString());
    }
    return values;
  }
}
