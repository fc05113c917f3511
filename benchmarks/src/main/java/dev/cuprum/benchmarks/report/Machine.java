package dev.cuprum.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the report says about the machine, read from {@code /proc} and {@code /etc/os-release}
 * where present; {@code virtual} when the CPU flags name a hypervisor.
 */
record Machine(String cpu, int cores, String memory, String os, String kernel, boolean virtual) {

  static Machine current() {
    String cpu = line(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch"));
    String memory = line(Path.of("/proc/meminfo"), "MemTotal", ':')
        .map(total -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(total.replaceAll("[^0-9]", "")) / 1048576.0))
        .orElse("unknown");
    String os = line(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
        .map(name -> name.replace("\"", ""))
        .orElse(System.getProperty("os.name"));
    String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
    boolean virtual = line(Path.of("/proc/cpuinfo"), "flags", ':')
        .map(flags -> (" " + flags + " ").contains(" hypervisor "))
        .orElse(false);
    return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, os, kernel, virtual);
  }

  /** The value of the first line of a file that is {@code key}, the separator and a value. */
  private static Optional<String> line(Path file, String key, char separator) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String line : lines) {
      int at = line.indexOf(separator);
      if (at > 0 && line.substring(0, at).strip().equals(key)) {
        return Optional.of(line.substring(at + 1).strip());
      }
    }
    return Optional.empty();
  }
}
