package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.TR;
import static dev.cuprum.testing.TestPrograms.WC;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.RecordedEvents;
import dev.cuprum.testing.TestPrograms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output to files and stdin from files and streams, as operating system redirects, with real processes. */
class RedirectsTest {

  private final RecordedEvents events = new RecordedEvents();
  private final CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
      .observeHook(events).build();

  @TempDir
  Path dir;

  @Test
  void stdoutGoesToAFileTheProcessWritesItself() throws IOException {
    Path out = dir.resolve("out.txt");
    CommandResult result = executor.run(sh("echo out; echo err >&2"), RunOptions.builder().stdoutFile(out).build());

    assertThat(Files.readString(out)).isEqualTo("out\n");
    assertThat(result.stdout()).isNull();
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(events.of(ExecPhase.STDOUT)).isEmpty();
  }

  @Test
  void appendAddsToTheFilesAndStderrCanGoToOneToo() throws IOException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    RunOptions options = RunOptions.builder().stdoutFile(out).stderrFile(err).append(true).build();
    executor.run(sh("echo one; echo e1 >&2"), options);
    CommandResult second = executor.run(sh("echo two; echo e2 >&2"), options);

    assertThat(Files.readString(out)).isEqualTo("one\ntwo\n");
    assertThat(Files.readString(err)).isEqualTo("e1\ne2\n");
    assertThat(second.stdout()).isNull();
    assertThat(second.stderr()).isNull();
  }

  @Test
  void mergedStderrKeepsTheTrueOrderOfTheWrites() {
    CommandResult result = executor.run(sh("for i in 1 2 3 4 5 6; do echo out$i; echo err$i >&2; done"),
        RunOptions.builder().mergeStderr(true).build());

    assertThat(result.stdout()).isEqualTo("out1\nerr1\nout2\nerr2\nout3\nerr3\nout4\nerr4\nout5\nerr5\nout6\nerr6\n");
    assertThat(result.stderr()).isNull();
  }

  @Test
  void mergedStderrFollowsStdoutIntoItsFile() throws IOException {
    Path out = dir.resolve("all.txt");
    executor.run(sh("echo a; echo b >&2"), RunOptions.builder().stdoutFile(out).mergeStderr(true).build());
    assertThat(Files.readString(out)).isEqualTo("a\nb\n");
  }

  @Test
  void mergingAndAStderrFileCannotBothBeAsked() {
    assertThatThrownBy(() -> RunOptions.builder().mergeStderr(true).stderrFile(dir.resolve("e")).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("mergeStderr");
  }

  @Test
  void stdinFromAFileIsReadByTheProcessItself() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "from a file\n");
    assertThat(executor.run(cmd(CAT), RunOptions.builder().stdin(StdinInput.file(in)).build()).stdout())
        .isEqualTo("from a file\n");
  }

  @Test
  void aStdinFileThatCannotBeReadStartsNothing() {
    assertThatThrownBy(() -> executor.run(sh("touch \"$1\"", dir.resolve("ran").toString()),
        RunOptions.builder().stdin(StdinInput.file(dir.resolve("missing"))).build()))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("is not a readable file");
    assertThat(dir.resolve("ran")).doesNotExist();
    assertThat(events.all()).isEmpty();
  }

  @Test
  void stdinFromAStreamIsCopiedInChunksAndTheStreamIsLeftOpen() {
    long size = 5L * 1024 * 1024;
    CountingStream upload = new CountingStream(size);

    CommandResult result = executor.run(cmd(WC, "-c"), RunOptions.builder().stdin(StdinInput.stream(upload)).build());

    assertThat(result.stdout().strip()).isEqualTo(Long.toString(size));
    assertThat(upload.closed).isFalse();
    assertThat(events.of(ExecPhase.STDIN)).extracting(ExecEvent::byteCount).containsExactly(size);
  }

  @Test
  void aPipelineReadsAFileIntoItsFirstStageAndWritesItsLastToAFile() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "hello pipes\n");
    Path out = dir.resolve("out.txt");

    PipelineResult result = executor.run(Pipeline.of(cmd(CAT), cmd(TR, "a-z", "A-Z")),
        RunOptions.builder().stdin(StdinInput.file(in)).stdoutFile(out).build());

    assertThat(result.ok()).isTrue();
    assertThat(Files.readString(out)).isEqualTo("HELLO PIPES\n");
    assertThatThrownBy(() -> executor.run(Pipeline.of(cmd(CAT), cmd(CAT)),
        RunOptions.builder().mergeStderr(true).build()))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("A pipeline takes no stderrFile");
  }

  /** {@code size} bytes of 'x', remembering whether it was closed. */
  private static final class CountingStream extends InputStream {

    private long left;
    volatile boolean closed;

    CountingStream(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left == 0) {
        return -1;
      }
      int count = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
      left -= count;
      return count;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
