package dev.cuprum.internal.run;

import dev.cuprum.ExecutionContext;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The context one run executes with, every inheritable component resolved. The timeout is not
 * here: it also depends on the call and the scope (see {@link ExecutorConfig#timeoutFor}).
 */
public record RunContext(
    Map<String, String> env,
    @Nullable Path cwd,
    Duration cancelGrace,
    @Nullable OutputStream stdoutSink,
    @Nullable OutputStream stderrSink,
    Charset charset,
    CodingErrorAction malformedInput,
    Map<String, Object> tags,
    Duration drainTimeout,
    long maxCaptureBytes,
    Set<String> allowedEnvKeys) {

  /** A context whose inheritable components are all set, as {@link ExecutionContext#defaults()}. */
  static RunContext of(ExecutionContext resolved) {
    return new RunContext(resolved.env(), resolved.cwd(), required(resolved.cancelGrace(), "cancelGrace"),
        resolved.stdoutSink(), resolved.stderrSink(), required(resolved.charset(), "charset"),
        required(resolved.malformedInput(), "malformedInput"), resolved.tags(),
        required(resolved.drainTimeout(), "drainTimeout"), required(resolved.maxCaptureBytes(), "maxCaptureBytes"),
        resolved.allowedEnvKeys());
  }

  private static <T> T required(@Nullable T value, String name) {
    return Objects.requireNonNull(value, () -> name + " is unresolved");
  }
}
