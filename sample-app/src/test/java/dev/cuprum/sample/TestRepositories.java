package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Sets up the repositories the tests ask the sample about, with the real git, not through the sample. */
final class TestRepositories {

  private TestRepositories() {}

  /** A repository with one committed file, {@code tracked.txt}, on branch {@code main}. */
  static Path committed(Path dir) {
    createDirectories(dir);
    git(dir, "init", "-q", "-b", "main");
    write(dir.resolve("tracked.txt"), "one\n");
    git(dir, "add", "tracked.txt");
    git(dir, "commit", "-q", "-m", "first");
    return dir;
  }

  /** Runs git in {@code dir} and returns its output; fails the test when git fails. */
  static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Sample Tests",
        "-c", "user.email=tests@cuprum.invalid", "-c", "protocol.file.allow=always", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s timed out", command).isTrue();
      assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An executable shell script that creates {@code marker} when it runs. */
  static Path markerScript(Path script, Path marker) {
    write(script, "#!/bin/sh\n: > '" + marker + "'\n");
    try {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return script;
  }

  static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path realTempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
