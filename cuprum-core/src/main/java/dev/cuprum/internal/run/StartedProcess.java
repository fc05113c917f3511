package dev.cuprum.internal.run;

import dev.cuprum.CommandResult;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A started command. */
final class StartedProcess extends StartedRun<CommandResult> implements RunningProcess {

  private final SafeCmd cmd;
  private final long pid;

  StartedProcess(SafeCmd cmd, long pid, Channels channels, Supplier<CommandResult> finish, RunControl control,
      @Nullable OutputStream stdin, Charset charset, LongConsumer stdinClosed) {
    super(cmd.maskedArgvWithProgram(), channels, finish, control, stdin, charset, stdinClosed);
    this.cmd = cmd;
    this.pid = pid;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public SafeCmd command() {
    return cmd;
  }

  @Override
  public Stream<String> stderrLines() {
    return super.stderrLines();
  }

  @Override
  public InputStream stderr() {
    return super.stderr();
  }
}
