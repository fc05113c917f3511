package dev.cuprum;

import dev.cuprum.internal.util.EnvironmentOverlay;
import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.ReservedTags;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a run executes: environment, working directory, termination, output handling. A context is
 * a set of overrides: a null component means "inherit".
 *
 * <p>A run resolves its context field by field: the call's context ({@link RunOptions#context()},
 * {@code ConcurrentConfig.context()}), else the executor's default context, else the library
 * default of {@link #defaults()}. {@link #env()} and {@link #tags()} merge, the call's entries
 * winning; {@link #allowedEnvKeys()} are joined. So a call that only sets a working directory
 * keeps every other default of the executor. The timeout resolves as
 * {@link CommandExecutor} describes: the call, the call's context, the innermost scope, the
 * executor's default.
 *
 * @param env variables laid over the JVM's environment (and any scoped overlay) for the child
 * @param cwd the child's working directory; null to inherit (in the end, the JVM's)
 * @param cancelGrace how long a process may take to exit after SIGTERM before it gets SIGKILL
 * @param timeout the run's timeout when the call gives none; non-positive means already elapsed
 * @param stdoutSink where echoed stdout goes; in the end the JVM's {@code System.out}
 * @param stderrSink where echoed stderr goes; in the end the JVM's {@code System.err}
 * @param charset decodes captured output and line events, encodes stdin text
 * @param malformedInput what decoding does with malformed input: {@code REPLACE} (U+FFFD),
 *     {@code IGNORE}, or {@code REPORT} (the run fails with {@link OutputDecodingException})
 * @param tags added to every event of the run; keys that Cuprum sets itself
 *     ({@link #RESERVED_TAG_KEYS}) are refused
 * @param drainTimeout how long output readers may take to reach end of stream after the process
 *     exits (a grandchild can hold the pipe open); what arrives later is dropped
 * @param maxCaptureBytes the most bytes captured per stream; the rest is read and dropped, and
 *     the result is marked {@link CommandResult#truncated() truncated}
 * @param allowedEnvKeys environment variables that may be set although they make programs load or
 *     run other code ({@code LD_PRELOAD}, {@code GIT_SSH_COMMAND}, {@code BASH_ENV}, ...; the
 *     users' guide lists them). Every other such variable is refused with
 *     {@link ForbiddenEnvironmentKeyException} before anything starts: when an executor is built
 *     with a default context that sets it, and when a run assembles its overlay. A context is not
 *     judged alone, because the executor's default context may allow what a call's context sets
 */
public record ExecutionContext(
    Map<String, String> env,
    @Nullable Path cwd,
    @Nullable Duration cancelGrace,
    @Nullable Duration timeout,
    @Nullable OutputStream stdoutSink,
    @Nullable OutputStream stderrSink,
    @Nullable Charset charset,
    @Nullable CodingErrorAction malformedInput,
    Map<String, Object> tags,
    @Nullable Duration drainTimeout,
    @Nullable Long maxCaptureBytes,
    Set<String> allowedEnvKeys) {

  /** The default {@link #cancelGrace()}: 500 ms. */
  public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofMillis(500);
  /** The default {@link #drainTimeout()}: 2 s. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(2);
  /** The default {@link #maxCaptureBytes()}: 128 MiB per stream. */
  public static final long DEFAULT_MAX_CAPTURE_BYTES = 128L * 1024 * 1024;
  /** Tag keys that Cuprum sets on events itself, and that a context may therefore not set. */
  public static final Set<String> RESERVED_TAG_KEYS = ReservedTags.KEYS;

  private static final ExecutionContext DEFAULTS = new ExecutionContext(Map.of(), null, DEFAULT_CANCEL_GRACE, null,
      null, null, StandardCharsets.UTF_8, CodingErrorAction.REPLACE, Map.of(), DEFAULT_DRAIN_TIMEOUT,
      DEFAULT_MAX_CAPTURE_BYTES, Set.of());
  private static final ExecutionContext EMPTY = builder().build();

  public ExecutionContext {
    env = EnvironmentOverlay.copyOf(Objects.requireNonNull(env, "env"), InvalidArgumentException::new);
    if (cancelGrace != null && cancelGrace.isNegative()) {
      throw new InvalidArgumentException("cancelGrace must not be negative, got " + cancelGrace);
    }
    tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    String reserved = ReservedTags.firstReserved(tags.keySet());
    if (reserved != null) {
      throw new InvalidArgumentException("Tag '" + reserved + "' is set by Cuprum itself and cannot be given in a "
          + "context; reserved tag keys: " + ReservedTags.KEYS);
    }
    if (drainTimeout != null && drainTimeout.isNegative()) {
      throw new InvalidArgumentException("drainTimeout must not be negative, got " + drainTimeout);
    }
    if (maxCaptureBytes != null && maxCaptureBytes <= 0) {
      throw new InvalidArgumentException("maxCaptureBytes must be positive, got " + maxCaptureBytes);
    }
    allowedEnvKeys = Set.copyOf(Objects.requireNonNull(allowedEnvKeys, "allowedEnvKeys"));
  }

  /** A context without {@link #allowedEnvKeys()}: the components of the 0.2 contract. */
  public ExecutionContext(
      Map<String, String> env, @Nullable Path cwd, @Nullable Duration cancelGrace, @Nullable Duration timeout,
      @Nullable OutputStream stdoutSink, @Nullable OutputStream stderrSink, @Nullable Charset charset,
      @Nullable CodingErrorAction malformedInput, Map<String, Object> tags, @Nullable Duration drainTimeout,
      @Nullable Long maxCaptureBytes) {
    this(env, cwd, cancelGrace, timeout, stdoutSink, stderrSink, charset, malformedInput, tags, drainTimeout,
        maxCaptureBytes, Set.of());
  }

  /**
   * The library's resolved defaults: no overlay, no working directory or timeout, cancel grace
   * 500 ms, echo to the JVM's streams, UTF-8 with {@code REPLACE}, no tags, drain timeout 2 s,
   * capture limit 128 MiB per stream.
   */
  public static ExecutionContext defaults() {
    return DEFAULTS;
  }

  /** A builder with every component unset: each inherits until it is given. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this context. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This context laid over {@code base}: each component this context sets wins, every other comes
   * from {@code base}; environments and tags merge with this context's entries winning, and the
   * allowed environment keys are joined.
   */
  public ExecutionContext over(ExecutionContext base) {
    Objects.requireNonNull(base, "base");
    if (equals(EMPTY)) {
      return base;
    }
    return new ExecutionContext(
        EnvironmentOverlay.merge(base.env, env),
        cwd != null ? cwd : base.cwd,
        cancelGrace != null ? cancelGrace : base.cancelGrace,
        timeout != null ? timeout : base.timeout,
        stdoutSink != null ? stdoutSink : base.stdoutSink,
        stderrSink != null ? stderrSink : base.stderrSink,
        charset != null ? charset : base.charset,
        malformedInput != null ? malformedInput : base.malformedInput,
        merge(base.tags, tags),
        drainTimeout != null ? drainTimeout : base.drainTimeout,
        maxCaptureBytes != null ? maxCaptureBytes : base.maxCaptureBytes,
        join(base.allowedEnvKeys, allowedEnvKeys));
  }

  @Override
  public String toString() {
    return "ExecutionContext[env=" + Masking.maskEnv(env) + ", cwd=" + cwd + ", cancelGrace=" + cancelGrace
        + ", timeout=" + timeout + ", stdoutSink=" + stdoutSink + ", stderrSink=" + stderrSink
        + ", charset=" + charset + ", malformedInput=" + malformedInput + ", tags=" + tags
        + ", drainTimeout=" + drainTimeout + ", maxCaptureBytes=" + maxCaptureBytes
        + ", allowedEnvKeys=" + allowedEnvKeys + "]";
  }

  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    if (over.isEmpty()) {
      return base;
    }
    if (base.isEmpty()) {
      return over;
    }
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(over);
    return merged;
  }

  private static Set<String> join(Set<String> base, Set<String> more) {
    if (more.isEmpty()) {
      return base;
    }
    if (base.isEmpty()) {
      return more;
    }
    Set<String> joined = new LinkedHashSet<>(base);
    joined.addAll(more);
    return joined;
  }

  /** Builds an {@link ExecutionContext}; every component starts unset (inherited). */
  public static final class Builder {

    private Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Path cwd;
    private @Nullable Duration cancelGrace;
    private @Nullable Duration timeout;
    private @Nullable OutputStream stdoutSink;
    private @Nullable OutputStream stderrSink;
    private @Nullable Charset charset;
    private @Nullable CodingErrorAction malformedInput;
    private Map<String, Object> tags = new LinkedHashMap<>();
    private @Nullable Duration drainTimeout;
    private @Nullable Long maxCaptureBytes;
    private Set<String> allowedEnvKeys = new LinkedHashSet<>();

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
      allowedEnvKeys = new LinkedHashSet<>(context.allowedEnvKeys);
    }

    public Builder env(Map<String, String> env) {
      this.env = new LinkedHashMap<>(env);
      return this;
    }

    public Builder cwd(@Nullable Path cwd) {
      this.cwd = cwd;
      return this;
    }

    public Builder cancelGrace(@Nullable Duration cancelGrace) {
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

    public Builder charset(@Nullable Charset charset) {
      this.charset = charset;
      return this;
    }

    public Builder malformedInput(@Nullable CodingErrorAction malformedInput) {
      this.malformedInput = malformedInput;
      return this;
    }

    public Builder tags(Map<String, Object> tags) {
      this.tags = new LinkedHashMap<>(tags);
      return this;
    }

    public Builder drainTimeout(@Nullable Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
      return this;
    }

    /** The capture limit in bytes; null to inherit. */
    public Builder maxCaptureBytes(@Nullable Long maxCaptureBytes) {
      this.maxCaptureBytes = maxCaptureBytes;
      return this;
    }

    /** The capture limit in bytes. */
    public Builder maxCaptureBytes(long maxCaptureBytes) {
      this.maxCaptureBytes = maxCaptureBytes;
      return this;
    }

    /** Replaces the allowed environment keys (see {@link ExecutionContext#allowedEnvKeys()}). */
    public Builder allowedEnvKeys(Collection<String> keys) {
      this.allowedEnvKeys = new LinkedHashSet<>(keys);
      return this;
    }

    /** Allows these environment keys besides those allowed already. */
    public Builder allowEnvKeys(String... keys) {
      allowedEnvKeys.addAll(List.of(keys));
      return this;
    }

    public ExecutionContext build() {
      return new ExecutionContext(env, cwd, cancelGrace, timeout, stdoutSink, stderrSink, charset, malformedInput,
          tags, drainTimeout, maxCaptureBytes, allowedEnvKeys);
    }
  }
}
