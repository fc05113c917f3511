package dev.cuprum.internal.pipeline;

import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunningPipeline;
import dev.cuprum.SafeCmd;
import dev.cuprum.internal.run.RunControl;
import dev.cuprum.internal.run.StartedRun;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A started pipeline. */
final class StartedPipeline extends StartedRun<PipelineResult> implements RunningPipeline {

  private final Pipeline pipeline;
  private final List<Long> pids;

  StartedPipeline(Pipeline pipeline, List<Long> pids, Channels channels, Supplier<PipelineResult> finish,
      RunControl control, @Nullable OutputStream stdin, Charset charset, LongConsumer stdinClosed) {
    super(pipeline.stages().stream().map(SafeCmd::maskedArgvWithProgram).toList(), channels, finish, control, stdin,
        charset, stdinClosed);
    this.pipeline = pipeline;
    this.pids = pids;
  }

  @Override
  public Pipeline pipeline() {
    return pipeline;
  }

  @Override
  public List<Long> pids() {
    return pids;
  }
}
