package dev.cuprum;

import dev.cuprum.internal.util.EnvironmentOverlay;
import dev.cuprum.internal.util.Masking;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one run executes: environment, working directory, termination, output handling.
 *
 * @param env variables laid over the JVM's environment (and any scoped overlay) for the child
 * @param cwd the child's working directory; null for the JVM's
 * @param cancelGrace how long a process may take to exit after SIGTERM before it gets SIGKILL
 * @param timeout the run's timeout when the call gives none; non-positive means already elapsed
 * @param stdoutSink where echoed stdout goes; null for the JVM's {@code System.out}
 * @param stderrSink where echoed stderr goes; null for the JVM's {@code System.err}
 * @param charset decodes captured output and line events, encodes stdin text
 * @param malformedInput what decoding does with malformed input: {@code REPLACE} (U+FFFD),
 *     {@code IGNORE}, or {@code REPORT} (the run fails with {@link OutputDecodingException})
 * @param tags added to every event of the run, overriding the default tags
 * @param drainTimeout how long output readers may take to reach end of stream after the process
 *     exits (a grandchild can hold the pipe open); what arrives later is dropped
 * @param maxCaptureBytes the most bytes captured per stream; the rest is read and dropped, and
 *     the result is marked {@link CommandResult#truncated() truncated}
 */
public record ExecutionContext(
    Map<String, String> env,
    @Nullable Path cwd,
    Duration cancelGrace,
    @Nullable Duration timeout,
    @Nullable OutputStream stdoutSink,
    @Nullable OutputStream stderrSink,
    Charset charset,
    CodingErrorAction malformedInput,
    Map<String, Object> tags,
    Duration drainTimeout,
    long maxCaptureBytes) {

  /** The default {@link #cancelGrace()}: 500 ms. */
  public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofMillis(500);
  /** The default {@link #drainTimeout()}: 2 s. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(2);
  /** The default {@link #maxCaptureBytes()}: 128 MiB per stream. */
  public static final long DEFAULT_MAX_CAPTURE_BYTES = 128L * 1024 * 1024;

  private static final ExecutionContext DEFAULTS = builder().build();

  public ExecutionContext {
    env = EnvironmentOverlay.copyOf(Objects.requireNonNull(env, "env"), InvalidArgumentException::new);
    Objects.requireNonNull(cancelGrace, "cancelGrace");
    if (cancelGrace.isNegative()) {
      throw new InvalidArgumentException("cancelGrace must not be negative, got " + cancelGrace);
    }
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(malformedInput, "malformedInput");
    tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative()) {
      throw new InvalidArgumentException("drainTimeout must not be negative, got " + drainTimeout);
    }
    if (maxCaptureBytes <= 0) {
      throw new InvalidArgumentException("maxCaptureBytes must be positive, got " + maxCaptureBytes);
    }
  }

  /** A context with every default. */
  public static ExecutionContext defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this context. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "ExecutionContext[env=" + Masking.maskEnv(env) + ", cwd=" + cwd + ", cancelGrace=" + cancelGrace
        + ", timeout=" + timeout + ", stdoutSink=" + stdoutSink + ", stderrSink=" + stderrSink
        + ", charset=" + charset + ", malformedInput=" + malformedInput + ", tags=" + tags
        + ", drainTimeout=" + drainTimeout + ", maxCaptureBytes=" + maxCaptureBytes + "]";
  }

  /** Builds an {@link ExecutionContext}, starting from the documented defaults. */
  public static final class Builder {

    private Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Path cwd;
    private Duration cancelGrace = DEFAULT_CANCEL_GRACE;
    private @Nullable Duration timeout;
    private @Nullable OutputStream stdoutSink;
    private @Nullable OutputStream stderrSink;
    private Charset charset = StandardCharsets.UTF_8;
    private CodingErrorAction malformedInput = CodingErrorAction.REPLACE;
    private Map<String, Object> tags = new LinkedHashMap<>();
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private long maxCaptureBytes = DEFAULT_MAX_CAPTURE_BYTES;

    private Builder() {}

    private Builder(ExecutionContext context) {
      env = new LinkedHashMap<>(context.env);
      cwd = context.cwd;
      cancelGrace = context.cancelGrace;
      timeout = context.timeout;
      stdoutSink = context.stdoutSink;
      stderrSink = context.stderrSink;
      charset = context.charset;
      malformedInput = context.malformedInput;
      tags = new LinkedHashMap<>(context.tags);
      drainTimeout = context.drainTimeout;
      maxCaptureBytes = context.maxCaptureBytes;
    }

    public Builder env(Map<String, String> env) {
      this.env = new LinkedHashMap<>(env);
      return this;
    }

    public Builder cwd(@Nullable Path cwd) {
      this.cwd = cwd;
      return this;
    }

    public Builder cancelGrace(Duration cancelGrace) {
      this.cancelGrace = cancelGrace;
      return this;
    }

    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder stdoutSink(@Nullable OutputStream stdoutSink) {
      this.stdoutSink = stdoutSink;
      return this;
    }

    public Builder stderrSink(@Nullable OutputStream stderrSink) {
      this.stderrSink = stderrSink;
      return this;
    }

    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    public Builder malformedInput(CodingErrorAction malformedInput) {
      this.malformedInput = malformedInput;
      return this;
    }

    public Builder tags(Map<String, Object> tags) {
      this.tags = new LinkedHashMap<>(tags);
      return this;
    }

    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
      return this;
    }

    public Builder maxCaptureBytes(long maxCaptureBytes) {
      this.maxCaptureBytes = maxCaptureBytes;
      return this;
    }

    public ExecutionContext build() {
      return new ExecutionContext(env, cwd, cancelGrace, timeout, stdoutSink, stderrSink, charset,
          malformedInput, tags, drainTimeout, maxCaptureBytes);
    }
  }
}
