package dev.cuprum.docs;

import static dev.cuprum.docs.Tools.CAT;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static dev.cuprum.docs.Tools.TR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users' guide's examples of streaming. */
class StreamingSnippets {

  private final CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).build();

  @Test
  void lines() {
    List<String> seen = new ArrayList<>();
    // tag::streaming-lines[]
    SafeCmd build = Sh.make(SH, CATALOGUE).args("-c", "for step in fetch compile test; do echo $step; done");
    try (RunningProcess process = executor.start(build, RunOptions.builder().timeout(Duration.ofMinutes(10)).build());
        Stream<String> lines = process.stdoutLines()) {
      lines.forEach(line -> seen.add(line));       // each line as the program prints it
      CommandResult result = process.await();      // exit code, duration, stderr; stdout was read above
    }
    // end::streaming-lines[]
    assertThat(seen).containsExactly("fetch", "compile", "test");
  }

  @Test
  void stdinWhileRunning() throws Exception {
    // tag::streaming-stdin[]
    try (RunningProcess upper = executor.start(Sh.make(TR, CATALOGUE).args("a-z", "A-Z"),
        RunOptions.builder().stdin(StdinInput.pipe()).build())) {
      try (OutputStream stdin = upper.stdin()) {
        stdin.write("written while it runs\n".getBytes(StandardCharsets.UTF_8));
      }                                            // closing stdin sends end of input
      upper.await().stdout();                      // "WRITTEN WHILE IT RUNS\n": stdout was not taken, so captured
    }
    // end::streaming-stdin[]
  }

  @Test
  void files(@TempDir Path dir) throws Exception {
    Path upload = Files.writeString(dir.resolve("upload.csv"), "a,b\n");
    InputStream request = new ByteArrayInputStream("x,y\n".getBytes(StandardCharsets.UTF_8));
    Path report = dir.resolve("report.csv");
    Path log = dir.resolve("run.log");
    // tag::streaming-files[]
    executor.run(Sh.make(CAT, CATALOGUE).args(), RunOptions.builder()
        .stdin(StdinInput.file(upload))            // the process reads the file itself
        .stdoutFile(report)                        // and writes this one: no byte enters the JVM
        .build());
    executor.run(Sh.make(CAT, CATALOGUE).args(), RunOptions.builder()
        .stdin(StdinInput.stream(request))         // copied in chunks while the process runs
        .stdoutFile(log).append(true).mergeStderr(true)   // stdout and stderr, in true order, appended
        .build());
    // end::streaming-files[]
    assertThat(Files.readString(report)).isEqualTo("a,b\n");
    assertThat(Files.readString(log)).isEqualTo("x,y\n");
  }
}
