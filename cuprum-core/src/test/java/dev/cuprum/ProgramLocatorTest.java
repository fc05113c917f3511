package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLocatorTest {

  @TempDir
  Path temp;

  @Test
  void findsABareNameInTheFirstDirectoryThatHasIt() throws IOException {
    Path first = Files.createDirectory(temp.resolve("first"));
    Path second = Files.createDirectory(temp.resolve("second"));
    executable(second.resolve("tool"));
    Path winner = executable(first.resolve("tool"));

    ProgramLocator locator = ProgramLocator.forSearchPath(first + File.pathSeparator + second);

    assertThat(locator.locate(Program.of("tool"))).contains(winner);
  }

  @Test
  void skipsFilesThatAreNotExecutableAndDirectories() throws IOException {
    Path plain = Files.createDirectory(temp.resolve("plain"));
    Path dirs = Files.createDirectory(temp.resolve("dirs"));
    Path bin = Files.createDirectory(temp.resolve("bin"));
    Files.writeString(plain.resolve("tool"), "#!/bin/sh\n");
    Files.createDirectory(dirs.resolve("tool"));
    Path tool = executable(bin.resolve("tool"));

    ProgramLocator locator = ProgramLocator.forSearchPath(String.join(File.pathSeparator, plain.toString(),
        dirs.toString(), bin.toString()));

    assertThat(locator.locate(Program.of("tool"))).contains(tool);
    assertThat(ProgramLocator.forSearchPath(plain + File.pathSeparator + dirs).locate(Program.of("tool"))).isEmpty();
  }

  @Test
  void ignoresEmptyAndRelativeEntries() throws IOException {
    Path bin = Files.createDirectory(temp.resolve("bin"));
    executable(bin.resolve("tool"));

    ProgramLocator locator = ProgramLocator.forSearchPath(String.join(File.pathSeparator, "", ".", "bin", "./bin",
        bin.toString(), bin + "/../bin"));

    assertThat(locator.directories()).containsExactly(bin);
  }

  @Test
  void checksAnAbsoluteProgramItselfWithoutSearching() throws IOException {
    Path bin = Files.createDirectory(temp.resolve("bin"));
    Path tool = executable(bin.resolve("tool"));
    Path plain = bin.resolve("plain");
    Files.writeString(plain, "data");
    ProgramLocator empty = ProgramLocator.forSearchPath(null);

    assertThat(empty.directories()).isEmpty();
    assertThat(empty.locate(Program.of(tool.toString()))).contains(tool);
    assertThat(empty.locate(Program.of(plain.toString()))).isEmpty();
    assertThat(empty.locate(Program.of(bin.resolve("missing").toString()))).isEmpty();
    assertThat(empty.locate(Program.of("tool"))).isEmpty();
  }

  @Test
  void theEnvironmentLocatorFindsAShell() {
    assertThat(ProgramLocator.fromEnvironment().locate(Program.of("sh")))
        .hasValueSatisfying(path -> assertThat(path).isAbsolute().isExecutable());
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
